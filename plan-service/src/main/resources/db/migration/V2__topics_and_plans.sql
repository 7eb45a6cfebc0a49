-- Topics (chuyên đề): term-wide or annual; an annual topic belongs to a term topic.
create table topic (
    id              uuid        primary key,
    kind            text        not null,
    title           text        not null,
    summary         text,
    start_year      int         not null,
    end_year        int         not null,
    parent_topic_id uuid        references topic (id),
    owner_unit_id   uuid        not null references org_unit (id),
    owner_path      ltree       not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    constraint topic_years check (end_year >= start_year)
);
create index topic_owner on topic using gist (owner_path);
create index topic_years on topic (start_year, end_year);

-- Plan documents. content holds sections, legal bases, attachments, recipients, tasks, the
-- commitment window and reporting duties; what is searched or joined on has its own column.
create table plan (
    id                uuid        primary key,
    type              text        not null,
    number            text        not null,
    issuing_unit_id   uuid        not null references org_unit (id),
    issuing_path      ltree       not null,
    issue_date        date        not null,
    year              int         not null,
    title             text        not null,
    topic_id          uuid        references topic (id),
    parent_plan_id    uuid        references plan (id),
    status            text        not null,
    revision          int         not null,
    content           jsonb       not null,
    version           bigint      not null,
    published_at      timestamptz,
    created_at        timestamptz not null,
    created_by        text        not null,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    search_text       text generated always as (campaign_fold(number || ' ' || title)) stored
);
create unique index plan_number on plan (issuing_unit_id, year, upper(number));
create index plan_issuing on plan using gist (issuing_path);
create index plan_order on plan (issue_date desc, id desc);
create index plan_parent on plan (parent_plan_id);
create index plan_search on plan using gin (search_text gin_trgm_ops);

-- Every published revision as the API showed it (amendment history).
create table plan_revision (
    plan_id     uuid        not null references plan (id),
    revision    int         not null,
    status      text        not null,
    reason      text,
    document    jsonb       not null,
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (plan_id, revision)
);

-- To whom a published plan is addressed: single units or whole subtrees (optionally some kinds).
create table plan_recipient (
    plan_id         uuid    not null references plan (id),
    unit_id         uuid    not null,
    unit_path       ltree   not null,
    include_subtree boolean not null,
    kinds           text[]  not null default '{}',
    primary key (plan_id, unit_id)
);
create index plan_recipient_path on plan_recipient using gist (unit_path);

-- The cascade: each unit expected to acknowledge the plan and issue an implementing plan.
create table plan_expected_unit (
    plan_id              uuid        not null references plan (id),
    unit_id              uuid        not null,
    unit_path            ltree       not null,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    implementing_plan_id uuid        references plan (id),
    implemented_at       timestamptz,
    implemented_by       text,
    primary key (plan_id, unit_id)
);
create index plan_expected_unit_path on plan_expected_unit using gist (unit_path);
create index plan_expected_unit_unit on plan_expected_unit (unit_id);

-- Implementation activities: study sessions and topical meetings held by a unit for a plan.
create table plan_activity (
    id                    uuid        primary key,
    plan_id               uuid        not null references plan (id),
    unit_id               uuid        not null,
    unit_path             ltree       not null,
    kind                  text        not null,
    held_on               date        not null,
    year                  int         not null,
    participants_expected int         not null,
    participants_attended int         not null,
    absent_member_ids     uuid[]      not null default '{}',
    notes                 text,
    created_at            timestamptz not null,
    created_by            text        not null,
    constraint plan_activity_attendance check (participants_attended between 0 and participants_expected)
);
create index plan_activity_plan_unit on plan_activity (plan_id, unit_id, year, kind);
create index plan_activity_path on plan_activity using gist (unit_path);
