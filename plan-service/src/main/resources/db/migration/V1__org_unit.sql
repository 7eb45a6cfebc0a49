create extension if not exists ltree;
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- Lower-case, accent-free form of Vietnamese text for search ("Tiền Giang" -> "tien giang").
-- unaccent() is only stable; this wrapper pins the dictionary so it can be indexed.
create or replace function campaign_fold(text) returns text
    language sql immutable parallel safe strict
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'đĐ', 'dD'))) $$;

-- The organisation tree (đơn vị). path: unit ids (hex) from the root, this unit last.
create table org_unit (
    id              uuid        primary key,
    code            text        not null,
    name            text        not null,
    kind            text        not null,
    parent_id       uuid        references org_unit (id),
    path            ltree       not null,
    valid_from      date        not null,
    valid_to        date,        -- exclusive: the first day the unit no longer exists
    successor_id    uuid        references org_unit (id),
    predecessor_ids uuid[]      not null default '{}',
    version         bigint      not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    search_name     text generated always as (campaign_fold(name)) stored,
    constraint org_unit_validity check (valid_to is null or valid_to >= valid_from)
);
create unique index org_unit_code on org_unit (upper(code));
create index org_unit_path on org_unit using gist (path);
create index org_unit_parent_name on org_unit (parent_id, name, id);
create index org_unit_search on org_unit using gin (search_name gin_trgm_ops);
