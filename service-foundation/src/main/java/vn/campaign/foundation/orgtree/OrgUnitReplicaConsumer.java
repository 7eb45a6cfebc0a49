package vn.campaign.foundation.orgtree;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.inbox.EventInbox;

/**
 * Keeps {@link OrgUnitReplica} from the org-units topic (channel {@code org-units}). Every
 * service but plan-service, which owns the tree, has it.
 */
@ApplicationScoped
@IfBuildProperty(name = "campaign.org-replica.enabled", stringValue = "true", enableIfMissing = true)
public class OrgUnitReplicaConsumer {

    @Inject
    EventInbox inbox;
    @Inject
    OrgUnitReplica replica;

    @Incoming("org-units")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consumeLive("org-units", "org-replica", record, replica::apply);
    }
}
