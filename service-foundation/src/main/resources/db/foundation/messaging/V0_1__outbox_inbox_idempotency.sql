-- Transactional outbox: written in the business transaction, sent and deleted by OutboxRelay.
create table outbox_event (
    seq            bigserial primary key,
    id             uuid        not null unique,
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    occurred_at    timestamptz not null,
    payload        text        not null
);

-- Idempotent consumers: one row per event a consumer has applied, committed with the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key: the first response to a creating POST, replayed to retries.
create table idempotency_record (
    caller          text        not null,
    operation       text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    status          int,
    location        text,
    body            text,
    created_at      timestamptz not null default now(),
    primary key (caller, operation, idempotency_key)
);
create index idempotency_record_created on idempotency_record (created_at);
