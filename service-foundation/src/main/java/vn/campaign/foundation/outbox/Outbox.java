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

import java.sql.Timestamp;
import java.time.Instant;
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
        UUID id = UUID.randomUUID();
        String data;
        try {
            data = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable", e);
        }
        em.createNativeQuery("""
                        insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, occurred_at, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id).setParameter(2, topic).setParameter(3, aggregateType)
                .setParameter(4, aggregateId).setParameter(5, type)
                .setParameter(6, Timestamp.from(Instant.now())).setParameter(7, data)
                .unwrap(org.hibernate.query.NativeQuery.class)
                // touches only outbox_event: no need to flush, or even dirty-check, the session first
                // (an auto-flush check walks every managed entity, even when it then flushes nothing)
                .setHibernateFlushMode(org.hibernate.FlushMode.MANUAL)
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
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
