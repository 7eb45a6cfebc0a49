-- Facts that come in sets (every unit a plan expects, every report it expects) are replaced a
-- set at a time: the group is the plan.
alter table aggregate_fact add column group_key text;
create index aggregate_fact_group on aggregate_fact (kind, group_key) where group_key is not null;

-- Plans as the plan events describe them: what a periodic report answers to. A read model,
-- rebuilt from the topic like the figures.
create table reported_plan (
    plan_id         uuid primary key,
    number          text  not null,
    title           text  not null,
    issuing_unit_id uuid  not null,
    year            int   not null,
    status          text  not null,
    revision        int   not null
);

-- The reports a plan expects from each of its expected units: one per period of its reporting
-- duties, due so many days after the period ends.
create table report_duty (
    plan_id         uuid not null references reported_plan on delete cascade,
    period          text not null,
    due_on          date not null,
    overdue_applied boolean not null default false,
    primary key (plan_id, period)
);
create index report_duty_due on report_duty (due_on) where not overdue_applied;

-- Periodic reports (báo cáo định kỳ). Owned by this service: a rebuild of the figures keeps them.
create table periodic_report (
    id              uuid primary key,
    plan_id         uuid        not null,
    unit_id         uuid        not null,
    unit_path       ltree       not null,
    period          text        not null,
    due_on          date        not null,
    status          text        not null,
    figures         jsonb       not null,
    results         text,
    shortcomings    text,
    next_steps      text,
    submitted_at    timestamptz,
    submitted_by    text,
    on_time         boolean,
    decided_at      timestamptz,
    decided_by      text,
    decision_note   text,
    version         bigint      not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    unique (plan_id, unit_id, period)
);
create index periodic_report_path on periodic_report using gist (unit_path);
