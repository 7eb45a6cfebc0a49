package vn.campaign.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.inbox.DeadLetters;
import vn.campaign.foundation.inbox.EventBatches;
import vn.campaign.reporting.figures.ReadModel;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The figures' events a poll per transaction ({@link EventBatches}), with the read model writing
 * the batch set-based, so the figures keep up with thousands of events a second. Each event still
 * counts once; an event that can never apply is set aside after the commit.
 */
@ApplicationScoped
public class FigureBatches {

    static final String CONSUMER = "figures";

    @Inject
    EventBatches batches;
    @Inject
    ReadModel readModel;
    @Inject
    DeadLetters deadLetters;

    /** A live channel's poll: the figures follow by differences; an event that can never apply goes to the channel's dead-letter topic. */
    public void live(String channel, Iterable<ConsumerRecord<String, String>> records, Consumer<EventEnvelope> handler) {
        batches.apply(CONSUMER, EventBatches.list(records), record -> handler, work -> readModel.batched(true, work),
                (record, poison) -> deadLetters.send(channel, record, poison.getMessage()));
    }

    /**
     * A rebuild's batch: only the facts are written (the figures are recomputed at the end), and
     * not through the inbox. Every fact holds its aggregate's state by version, so an event the
     * live consumers apply too changes nothing the second time; the live consumers dead-lettered
     * any poison already.
     */
    public void replay(List<ConsumerRecord<String, String>> records, Function<ConsumerRecord<String, String>, Consumer<EventEnvelope>> handlers) {
        batches.applyIdempotent(records, handlers, work -> readModel.batched(false, work));
    }
}
