-- Only the units a plan expects are looked up by path (the report list of a subtree); every
-- other fact is found by its key or its unit. A GiST entry per commitment and member made each
-- new fact cost an ltree index insert for nothing.
drop index aggregate_fact_path;
create index aggregate_fact_expected_path on aggregate_fact using gist (unit_path) where kind = 'plan-expected';
