package vn.campaign.recognition.commitments;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.inbox.EventBatches;

/**
 * Hears commitment-service on {@code campaign.commitments.v1} (channel {@code commitments}), a
 * poll per transaction and once per event id; poison goes to
 * {@code campaign.dlq.recognition-service.commitments}.
 */
@ApplicationScoped
public class CommitmentEventsConsumer {

    static final String CHANNEL = "commitments";

    @Inject
    EventBatches batches;
    @Inject
    CommitmentFacts facts;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.live(CHANNEL, CHANNEL, records, facts::apply);
    }
}
