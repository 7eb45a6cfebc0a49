package vn.campaign.foundation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.events.PoisonEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies the events of a poll in one transaction, for channels with {@code batch=true}: the inbox
 * records their ids in one statement, so a consumer keeps up with thousands of events a second
 * and each event still has its effect once. When the database is away the batch is retried. An
 * event that cannot be read or applied is left out of its batch and set aside after the commit;
 * when the batch fails in another way, it is applied again one event at a time (unless the
 * application is stopping: then the batch stays unacknowledged, see {@link Stopping}).
 * <p>
 * A batch channel bypasses the connector's per-record dead-letter queue, so the channel's
 * {@code failure-strategy} is {@code fail} and poison goes to its dead-letter topic through
 * {@link DeadLetters}.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    @Inject
    EventInbox inbox;
    @Inject
    ObjectMapper json;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Stopping stopping;

    /** A live channel's poll for {@code consumer}; an event that can never apply goes to the channel's dead-letter topic. */
    public void live(String channel, String consumer, Iterable<ConsumerRecord<String, String>> records, Consumer<EventEnvelope> handler) {
        live(channel, consumer, records, handler, Runnable::run);
    }

    /** As {@link #live(String, String, Iterable, Consumer)}, with the batch's application run by {@code around}. */
    public void live(String channel, String consumer, Iterable<ConsumerRecord<String, String>> records, Consumer<EventEnvelope> handler,
                     Consumer<Runnable> around) {
        apply(consumer, list(records), record -> handler, around,
                (record, poison) -> deadLetters.send(channel, record, poison.getMessage()));
    }

    /**
     * The records in one transaction. {@code around} runs the application of the fresh events
     * (a read model can collect their writes and flush them together at its end); {@code onPoison}
     * gets each record that can never apply, after the commit.
     */
    public void apply(String consumer, List<ConsumerRecord<String, String>> records,
                      Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers, Consumer<Runnable> around,
                      BiConsumer<ConsumerRecord<String, String>, PoisonEventException> onPoison) {
        run(consumer, records, handlers, around, onPoison);
    }

    /**
     * The records in one transaction without the inbox, for handlers whose effect is the same
     * however often an event is applied (a replay that rebuilds state-carrying facts by version):
     * nothing is recorded per event. Records that cannot be read or applied are left out.
     */
    public void applyIdempotent(List<ConsumerRecord<String, String>> records,
                                Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers, Consumer<Runnable> around) {
        run(null, records, handlers, around, (record, poison) -> { });
    }

    /** {@code consumer} null: no inbox. */
    private void run(String consumer, List<ConsumerRecord<String, String>> records,
                     Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers, Consumer<Runnable> around,
                     BiConsumer<ConsumerRecord<String, String>, PoisonEventException> onPoison) {
        if (records.isEmpty()) {
            return;
        }
        long backoff = 100;
        while (true) {
            try {
                List<Poison> poisoned = QuarkusTransaction.requiringNew().timeout(600)
                        .call(() -> together(consumer, records, handlers, around));
                poisoned.forEach(p -> onPoison.accept(p.record(), p.reason()));
                return;
            } catch (RuntimeException e) {
                if (EventInbox.isTransient(e)) {
                    LOG.warnf("database unavailable while applying %d events; retrying in %d ms", records.size(), backoff);
                    LockSupport.parkNanos(backoff * 1_000_000);
                    backoff = Math.min(backoff * 2, 5_000);
                    continue;
                }
                if (consumer == null) {
                    throw e;
                }
                if (stopping.now()) {
                    throw new Stopping.StoppingException("a batch of " + records.size() + " events from " + records.get(0).topic(), e);
                }
                LOG.infof("a batch of %d events failed (%s); applying them one at a time", records.size(), e.getMessage());
                for (ConsumerRecord<String, String> record : records) {
                    try {
                        inbox.consume(consumer, record, handlers.apply(record));
                    } catch (PoisonEventException poison) {
                        onPoison.accept(record, poison);
                    }
                }
                return;
            }
        }
    }

    public static List<ConsumerRecord<String, String>> list(Iterable<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        records.forEach(list::add);
        return list;
    }

    /** A record that can never be applied, and why. */
    private record Poison(ConsumerRecord<String, String> record, PoisonEventException reason) {
    }

    /**
     * The batch in the current transaction (through the inbox of {@code consumer}, unless null).
     * A record that cannot be read or applied is left out (its checks come before anything is
     * written) and returned, to be set aside after the commit.
     */
    private List<Poison> together(String consumer, List<ConsumerRecord<String, String>> records,
                                  Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers, Consumer<Runnable> around) {
        List<Poison> poisoned = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(EventEnvelope.fromRecord(record, json));
                readable.add(record);
            } catch (PoisonEventException poison) {
                poisoned.add(new Poison(record, poison));
            }
        }
        Set<String> fresh = consumer == null ? null : inbox.firstDeliveries(consumer, events.stream().map(EventEnvelope::id).toList());
        around.accept(() -> {
            for (int i = 0; i < events.size(); i++) {
                if (fresh == null || fresh.remove(events.get(i).id())) {
                    try {
                        handlers.apply(readable.get(i)).accept(events.get(i));
                    } catch (PoisonEventException poison) {
                        poisoned.add(new Poison(readable.get(i), poison));
                    }
                }
            }
        });
        return poisoned;
    }
}
