package vn.campaign.foundation.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the outbox: an event waiting to be sent. Written by {@link Outbox}, sent and deleted
 * by {@link OutboxRelay}; mapped here for inspection (the backlog gauge, tests).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public long seq;
    public UUID id;
    public String topic;
    @Column(name = "aggregate_type")
    public String aggregateType;
    @Column(name = "aggregate_id")
    public String aggregateId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String payload;
}
