package vn.campaign.recognition.commitments;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.inbox.EventInbox;

/**
 * Hears commitment-service on {@code campaign.commitments.v1} (channel {@code commitments}),
 * once per event id; poison goes to {@code campaign.dlq.recognition-service.commitments}.
 */
@ApplicationScoped
public class CommitmentEventsConsumer {

    @Inject
    EventInbox inbox;
    @Inject
    CommitmentFacts facts;

    @Incoming("commitments")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume("commitments", record, facts::apply);
    }
}
