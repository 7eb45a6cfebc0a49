create extension if not exists ltree;
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- Lower-case, accent-free form of Vietnamese text for search ("Tiền Giang" -> "tien giang").
-- unaccent() is only stable; this wrapper pins the dictionary so it can be indexed.
create or replace function campaign_fold(text) returns text
    language sql immutable parallel safe strict
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'đĐ', 'dD'))) $$;

-- What candidates and evidence need from commitment-service's events (topic campaign.commitments.v1).
create table member_replica (
    member_id  uuid        primary key,
    full_name  text        not null,
    unit_id    uuid        not null,
    unit_path  ltree       not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

create table member_commitment (
    commitment_id uuid        primary key,
    member_id     uuid        not null,
    unit_id       uuid        not null,
    unit_path     ltree       not null,
    year          int         not null,
    plan_id       uuid,
    topic_id      uuid,
    status        text        not null,
    score         int,
    rating        text,
    version       bigint      not null,
    changed_at    timestamptz not null
);
create index member_commitment_member on member_commitment (member_id, year);
create index member_commitment_excellent on member_commitment using gist (unit_path) where rating = 'EXCELLENT';

create table member_check_in (
    check_in_id   uuid        primary key,
    commitment_id uuid        not null,
    member_id     uuid        not null,
    year          int         not null,
    action        int         not null,
    period        text,
    percent       int         not null,
    recorded_at   timestamptz not null
);
create index member_check_in_member on member_check_in (member_id, year);

-- Models (mô hình, cách làm hay) and their replication (nhân rộng) by other units.
create table model (
    id                uuid        primary key,
    name              text        not null,
    owner_unit_id     uuid        not null,
    owner_path        ltree       not null,
    field             text        not null,
    description       text,
    started_on        date,
    results           text,
    status            text        not null,
    recognised_year   int,
    recognised_at     timestamptz,
    recognised_by     text,
    replication_count int         not null default 0,
    version           bigint      not null,
    created_at        timestamptz not null,
    created_by        text        not null,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    search_name       text generated always as (campaign_fold(name)) stored,
    constraint model_status check (status in ('PROPOSED', 'RECOGNISED'))
);
create index model_owner_path on model using gist (owner_path);
create index model_search on model using gin (search_name gin_trgm_ops);

create table model_replication (
    model_id      uuid        not null references model (id),
    unit_id       uuid        not null,
    unit_path     ltree       not null,
    replicated_on date        not null,
    note          text,
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    primary key (model_id, unit_id)
);

-- Nominations (đề nghị biểu dương, khen thưởng) and every step they took.
create table nomination (
    id                uuid        primary key,
    nominee_type      text        not null,
    nominee_id        uuid        not null,
    nominee_name      text        not null,
    nominee_unit_id   uuid        not null,
    nominee_path      ltree       not null,
    proposing_unit_id uuid        not null,
    proposing_path    ltree       not null,
    year              int         not null,
    topic_id          uuid,
    achievements      text        not null,
    evidence          jsonb       not null default '[]',
    form              text        not null,
    kind              text        not null,
    status            text        not null,
    current_unit_id   uuid        not null,
    current_path      ltree       not null,
    decision_note     text,
    award_id          uuid,
    version           bigint      not null,
    created_at        timestamptz not null,
    created_by        text        not null,
    updated_at        timestamptz not null,
    updated_by        text        not null
);
-- No two open nominations of one nominee for one form and year.
create unique index nomination_one_open on nomination (nominee_type, nominee_id, form, year)
    where status not in ('APPROVED', 'REJECTED');
create index nomination_proposing_path on nomination using gist (proposing_path);
create index nomination_current on nomination (current_unit_id, status);

create table nomination_step (
    id            bigserial   primary key,
    nomination_id uuid        not null references nomination (id),
    from_status   text,
    to_status     text        not null,
    unit_id       uuid        not null,
    note          text,
    actor_subject text        not null,
    actor_name    text        not null,
    at            timestamptz not null
);
create index nomination_step_nomination on nomination_step (nomination_id, id);

-- A nominee under discipline or inspection: its nominations are frozen while the row exists.
create table nominee_restriction (
    nominee_type text        not null,
    nominee_id   uuid        not null,
    unit_id      uuid        not null,
    reason       text        not null,
    note         text,
    set_at       timestamptz not null,
    set_by       text        not null,
    primary key (nominee_type, nominee_id)
);

-- Awards (quyết định khen thưởng). recipients: [{nomineeType, nomineeId, name, unitId, unitName, achievement, nominationId}].
create table award (
    id                 uuid        primary key,
    origin             text        not null,
    decision_number    text,
    decided_on         date        not null,
    year               int         not null,
    form               text        not null,
    granting_unit_id   uuid        not null,
    granting_path      ltree       not null,
    recipients         jsonb       not null,
    praise_check_in_id uuid        unique,
    published          boolean     not null default false,
    published_at       timestamptz,
    version            bigint      not null,
    created_at         timestamptz not null,
    created_by         text        not null,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    constraint award_decision_number check (origin = 'MEETING_PRAISE' or decision_number is not null)
);
create index award_granting_path on award using gist (granting_path);
create index award_feed on award (year, decided_on, id) where published;
