package vn.campaign.foundation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.web.Exceptions;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Idempotent consumption: an event's effect and the record of its id commit in one transaction,
 * so a redelivered event has no second effect. Failures of the database are retried (the record
 * is not acknowledged meanwhile, so nothing is lost); anything else makes the event poison, and
 * {@link #consumeLive} moves it to the channel's dead-letter topic with the reason, unless the
 * application is stopping ({@link Stopping}): then the record stays unacknowledged.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Stopping stopping;

    /**
     * A live channel's record: {@link #consume}, and an event that can never apply goes to the
     * channel's dead-letter topic ({@link DeadLetters}) so the channel goes on. The dead-letter
     * producer is made when it is first needed, not at start as the connector's
     * {@code dead-letter-queue} strategy does (the channel's strategy is {@code fail}).
     */
    public void consumeLive(String channel, String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        try {
            consume(consumer, record, effect);
        } catch (PoisonEventException poison) {
            deadLetters.send(channel, record, poison.getMessage());
        }
    }

    /** Parses the record and applies {@code effect} once per event id for {@code consumer}. */
    public void consume(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        EventEnvelope event = EventEnvelope.fromRecord(record, json);
        long backoff = 100;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event.id())) {
                        effect.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    if (e instanceof PoisonEventException poison) {
                        throw poison;
                    }
                    if (stopping.now()) {
                        throw new Stopping.StoppingException("event " + event.id(), e);
                    }
                    throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") failed: " + Exceptions.rootMessage(e), e);
                }
                LOG.warnf("database unavailable while consuming %s; retrying in %d ms (%s)", event.id(), backoff, Exceptions.rootMessage(e));
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /**
     * For consumers that apply many events in one transaction: records the ids not processed
     * before by {@code consumer} in one statement and returns them; the caller applies only those,
     * in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        try {
            @SuppressWarnings("unchecked")
            List<String> fresh = em.createNativeQuery("""
                            with recorded as (
                                insert into processed_event (consumer, event_id)
                                select ?1, jsonb_array_elements_text(cast(?2 as jsonb))
                                on conflict do nothing returning event_id)
                            select event_id from recorded""")
                    .setParameter(1, consumer).setParameter(2, json.writeValueAsString(eventIds)).getResultList();
            return new HashSet<>(fresh);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /** Connection loss, shutdown, serialization and deadlock failures: worth trying again. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && String.valueOf(sql.getMessage()).startsWith("Acquisition timeout")) {
                return true; // the pool could not hand out a connection in time
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("57014")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Waits out a database outage. An interrupt (shutdown) does not end the wait: failing here
     * would nack the record and dead-letter a valid event, while a record still waiting when the
     * process exits is simply delivered again after the restart.
     */
    private static void pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        boolean interrupted = false;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            LOG.debug("interrupt ignored while waiting for the database; the record stays unacknowledged");
        }
    }
}
