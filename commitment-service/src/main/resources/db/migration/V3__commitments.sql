-- Personal commitments (bản cam kết), one per member, plan and year.
create table commitment (
    id                 uuid        primary key,
    member_id          uuid        not null references member (id),
    plan_id            uuid        not null references plan_replica (plan_id),
    year               int         not null,
    topic_id           uuid,
    unit_id            uuid        not null,  -- the member's unit when it was written
    template           text        not null,
    leader             boolean     not null,
    status             text        not null,
    study_content      text        not null,
    self_cultivation   text        not null,
    exemplary_duties   text,
    due_on             date,
    submitted_at       timestamptz,           -- the first submission; decides "late"
    last_submitted_at  timestamptz,
    late               boolean     not null default false,
    submission_count   int         not null default 0,
    cell_comment       text,                  -- the latest approval or return comment
    self_assessment    text,
    self_score         int         check (self_score between 0 and 100),
    self_assessed_at   timestamptz,
    score              int         check (score between 0 and 100),
    rating             text,
    evaluation_comment text,
    evaluated_at       timestamptz,
    evaluated_by       text,
    on_behalf_by       text,                  -- the cell secretary who wrote it for the member
    version            bigint      not null,
    created_at         timestamptz not null,
    created_by         text        not null,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    constraint commitment_once unique (member_id, plan_id, year),
    -- the rating bands of Quy định 366-QĐ/TW, also enforced here so no row can disagree
    constraint commitment_rating_matches_score check (
        (score is null and rating is null)
        or rating = case when score >= 90 then 'EXCELLENT' when score >= 70 then 'GOOD'
                         when score >= 50 then 'COMPLETED' else 'NOT_COMPLETED' end)
);
create index commitment_unit_status on commitment (unit_id, status);
create index commitment_plan on commitment (plan_id, member_id);
create index commitment_member_sync on commitment (member_id, updated_at, id);

-- The concrete actions (việc làm cụ thể) of a commitment, 1-based.
create table commitment_action (
    commitment_id uuid not null references commitment (id) on delete cascade,
    position      int  not null,
    what          text not null,
    target        text not null,
    deadline      date not null,
    primary key (commitment_id, position)
);

-- Every change of a commitment: edits and transitions, with the actor and the comment.
create table commitment_history (
    seq           bigserial   primary key,
    commitment_id uuid        not null references commitment (id),
    action        text        not null,
    from_status   text,
    to_status     text        not null,
    comment       text,
    at            timestamptz not null,
    actor         text        not null,
    actor_name    text
);
create index commitment_history_commitment on commitment_history (commitment_id, seq);

-- Progress per concrete action and period, the cell's comment, and praise at the meeting.
create table check_in (
    id            uuid        primary key,
    commitment_id uuid        not null references commitment (id),
    action_no     int         not null,
    period        text        not null,
    percent       int         not null check (percent between 0 and 100),
    evidence      text,
    cell_comment  text,
    reviewed_at   timestamptz,
    reviewed_by   text,
    praised       boolean     not null default false,
    praised_at    timestamptz,
    praised_by    text,
    version       bigint      not null,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    constraint check_in_once unique (commitment_id, action_no, period)
);
