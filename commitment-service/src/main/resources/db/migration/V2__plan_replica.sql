-- The plans this service needs, kept from plan-service's topic campaign.plans.v1: who they are
-- addressed to and their commitment window.
create table plan_replica (
    plan_id           uuid        primary key,
    number            text,
    title             text,
    status            text        not null,
    revision          int         not null,
    issuing_unit_id   uuid        not null,
    year              int         not null,
    topic_id          uuid,
    recipient_ids     uuid[]      not null default '{}',
    has_window        boolean     not null,
    opens_on          date,
    due_on            date,
    templates         text[],     -- null: every template
    min_actions       int,
    max_actions       int,
    exempt_categories text[],     -- null: the plan names none
    updated_at        timestamptz not null
);
