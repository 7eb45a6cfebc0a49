-- What each aggregate (a commitment, a member, an activity, a unit's step in a plan's cascade)
-- currently contributes to the figures, and where in the tree: the base for exact deltas.
create table aggregate_fact (
    kind          text        not null,
    aggregate_id  text        not null,
    unit_path     ltree       not null,
    contributions jsonb       not null,
    version       bigint      not null,
    updated_at    timestamptz not null,
    primary key (kind, aggregate_id)
);
create index aggregate_fact_path on aggregate_fact using gist (unit_path);

-- Figures per unit (its whole subtree) and period: kept up to date by deltas along the path,
-- so reading a province is a handful of rows whatever the size of the tree below it.
create table unit_figure (
    unit_id uuid   not null,
    period  text   not null,
    metric  text   not null,
    value   bigint not null,
    primary key (unit_id, period, metric)
);
