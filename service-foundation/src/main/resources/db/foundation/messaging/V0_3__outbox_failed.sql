-- Outbox rows the broker can never accept (too large, invalid topic), kept with the reason for
-- an operator; the relay moves them here so the rest of the outbox keeps flowing.
create table outbox_event_failed (
    seq            bigint      primary key,
    id             uuid        not null,
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    occurred_at    timestamptz not null,
    payload        text        not null,
    reason         text        not null,
    failed_at      timestamptz not null default now()
);
