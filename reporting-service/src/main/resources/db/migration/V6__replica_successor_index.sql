-- Every org-unit event asks which units were merged into the unit (RollupPaths.predecessorsOf).
-- Without an index that is a scan of the whole replica per event: at national scale (315,000
-- units) loading the tree ran at about 40 events per second instead of a few hundred.
create index org_unit_replica_successor on org_unit_replica (successor_id) where successor_id is not null;
