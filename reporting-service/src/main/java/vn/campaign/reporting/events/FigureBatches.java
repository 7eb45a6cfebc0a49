package vn.campaign.reporting.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.inbox.EventInbox;
import vn.campaign.reporting.figures.ReadModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies the events of a poll in one transaction: the inbox records their ids in one statement
 * and the read model writes the batch set-based, so the figures keep up with thousands of events
 * a second. Each event still counts once. When the database is away the batch is retried. An
 * event that cannot be read or applied is left out of its batch and set aside after the commit;
 * when the batch fails in another way, it is applied again one event at a time.
 */
@ApplicationScoped
public class FigureBatches {

    private static final Logger LOG = Logger.getLogger(FigureBatches.class);
    static final String CONSUMER = "figures";

    @Inject
    EventInbox inbox;
    @Inject
    ReadModel readModel;
    @Inject
    ObjectMapper json;
    @Inject
    DeadLetters deadLetters;

    /** A live channel's poll: the figures follow by differences; an event that can never apply goes to the channel's dead-letter topic. */
    public void live(String channel, Iterable<ConsumerRecord<String, String>> records, Consumer<EventEnvelope> handler) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        records.forEach(list::add);
        apply(list, record -> handler, true, (record, poison) -> deadLetters.send(channel, record, poison.getMessage()));
    }

    /** A rebuild's batch: only the facts are written (the figures are recomputed at the end); the live consumers dead-lettered any poison already. */
    public void replay(List<ConsumerRecord<String, String>> records, Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers) {
        apply(records, handlers, false, (record, poison) -> { });
    }

    private void apply(List<ConsumerRecord<String, String>> records, Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers,
                       boolean figures, BiConsumer<ConsumerRecord<String, String>, PoisonEventException> onPoison) {
        if (records.isEmpty()) {
            return;
        }
        long backoff = 100;
        while (true) {
            try {
                List<Poison> poisoned = QuarkusTransaction.requiringNew().timeout(600).call(() -> together(records, handlers, figures));
                poisoned.forEach(p -> onPoison.accept(p.record(), p.reason()));
                return;
            } catch (RuntimeException e) {
                if (EventInbox.isTransient(e)) {
                    LOG.warnf("database unavailable while applying %d events; retrying in %d ms", records.size(), backoff);
                    LockSupport.parkNanos(backoff * 1_000_000);
                    backoff = Math.min(backoff * 2, 5_000);
                    continue;
                }
                LOG.infof("a batch of %d events failed (%s); applying them one at a time", records.size(), e.getMessage());
                for (ConsumerRecord<String, String> record : records) {
                    try {
                        inbox.consume(CONSUMER, record, handlers.apply(record));
                    } catch (PoisonEventException poison) {
                        onPoison.accept(record, poison);
                    }
                }
                return;
            }
        }
    }

    /** A record that can never be applied, and why. */
    private record Poison(ConsumerRecord<String, String> record, PoisonEventException reason) {
    }

    /**
     * The batch in the current transaction. A record that cannot be read or applied is left out
     * (its checks come before anything is written) and returned, to be set aside after the commit.
     */
    private List<Poison> together(List<ConsumerRecord<String, String>> records,
                                  Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers, boolean figures) {
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
        Set<String> fresh = inbox.firstDeliveries(CONSUMER, events.stream().map(EventEnvelope::id).toList());
        readModel.batched(figures, () -> {
            for (int i = 0; i < events.size(); i++) {
                if (fresh.remove(events.get(i).id())) {
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
