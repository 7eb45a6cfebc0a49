package vn.campaign.foundation.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.campaign.foundation.ids.TimeOrderedIds;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the outbox table inside the caller's transaction, so an event exists exactly
 * when the change that caused it committed. {@link OutboxRelay} sends them to Kafka.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    /**
     * @param topic     Kafka topic
     * @param aggregateId record key and CloudEvents subject
     * @param type      versioned CloudEvents type, e.g. {@code org-unit.created.v1}
     * @param payload   serialised as the JSON data
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, String aggregateId, String type, Object payload) {
        return publishAll(List.of(new Event(topic, aggregateType, aggregateId, type, payload))).get(0);
    }

    /**
     * Records the events in this order with one round trip to the database (a JDBC batch): a bulk
     * import publishes an event per row, and a statement each was a third of its time.
     *
     * @return the events' ids, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        List<String> payloads = new ArrayList<>(events.size());
        for (Event event : events) {
            ids.add(TimeOrderedIds.next());
            try {
                payloads.add(json.writeValueAsString(event.payload()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event payload is not serialisable", e);
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        // straight on the session's connection: touches only outbox_event, so the session need not
        // be flushed, or even dirty-checked, first
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, occurred_at, payload)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < events.size(); i++) {
                    Event event = events.get(i);
                    insert.setObject(1, ids.get(i));
                    insert.setString(2, event.topic());
                    insert.setString(3, event.aggregateType());
                    insert.setString(4, event.aggregateId());
                    insert.setString(5, event.type());
                    insert.setTimestamp(6, now);
                    insert.setString(7, payloads.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return ids;
    }

    /** An event to record: topic, aggregate, versioned CloudEvents type and the payload to serialise as its data. */
    public record Event(String topic, String aggregateType, String aggregateId, String type, Object payload) {
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
