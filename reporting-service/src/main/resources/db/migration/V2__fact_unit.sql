-- The unit an aggregate belongs to, so its figures can follow the unit when it moves or merges.
alter table aggregate_fact add column unit_id uuid;
update aggregate_fact set unit_id = cast(regexp_replace(subpath(unit_path, nlevel(unit_path) - 1)::text,
    '(.{8})(.{4})(.{4})(.{4})(.{12})', '\1-\2-\3-\4-\5') as uuid);
alter table aggregate_fact alter column unit_id set not null;
create index aggregate_fact_unit on aggregate_fact (unit_id);
