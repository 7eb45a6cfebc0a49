package vn.campaign.commitment.plans;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.inbox.EventInbox;

/** Keeps {@link PlanReplica} from plan-service's topic (channel {@code plans}), once per event id. */
@ApplicationScoped
public class PlanReplicaConsumer {

    @Inject
    EventInbox inbox;
    @Inject
    PlanReplicas plans;

    @Incoming("plans")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consumeLive("plans", "plan-replica", record, plans::apply);
    }
}
