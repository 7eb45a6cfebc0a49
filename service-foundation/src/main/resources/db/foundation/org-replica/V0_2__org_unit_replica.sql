create extension if not exists ltree;

-- This service's replica of plan-service's organisation tree (topic campaign.org-units.v1).
create table org_unit_replica (
    id              uuid        primary key,
    code            text        not null,
    name            text        not null,
    kind            text        not null,
    parent_id       uuid,
    path            ltree       not null,
    valid_from      date,
    valid_to        date,
    successor_id    uuid,
    predecessor_ids uuid[]      not null default '{}',
    version         bigint      not null,
    updated_at      timestamptz not null
);
create index org_unit_replica_path on org_unit_replica using gist (path);
create index org_unit_replica_parent on org_unit_replica (parent_id);
