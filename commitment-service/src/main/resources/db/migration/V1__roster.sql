-- The member roster. Only what SPEC allows: political affiliation is sensitive personal data
-- (Luật Bảo vệ dữ liệu cá nhân 2025), so no citizen id, birth date, ethnicity or religion.
create table member (
    id               uuid        primary key,
    external_ref     text        not null,  -- the member's id in the party-member database
    full_name        text        not null,
    unit_id          uuid        not null,  -- a unit of org_unit_replica; its path comes from there
    category         text        not null,
    leader           boolean     not null default false,
    position_title   text,
    exemption        text,
    exemption_reason text,
    version          bigint      not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    constraint member_exemption_has_reason check ((exemption is null) = (exemption_reason is null))
);
create unique index member_external_ref on member (external_ref);
create index member_unit_name on member (unit_id, full_name, id);

-- Every change of a member, who made it and when; moves keep the unit before and after.
create table member_change (
    seq              bigserial   primary key,
    member_id        uuid        not null references member (id),
    kind             text        not null,
    unit_id          uuid        not null,
    previous_unit_id uuid,
    changes          text        not null,  -- JSON: field -> {from, to}
    changed_at       timestamptz not null,
    changed_by       text        not null,
    changed_by_name  text
);
create index member_change_member on member_change (member_id, seq);
