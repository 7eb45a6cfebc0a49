package vn.campaign.foundation.orgtree;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.campaign.foundation.inbox.EventBatches;

/**
 * Keeps {@link OrgUnitReplica} from the org-units topic (channel {@code org-units}), a poll per
 * transaction and once per event id ({@link EventBatches}): importing a province's tree publishes
 * tens of thousands of snapshots, and a transaction per snapshot held every replica behind by
 * minutes. The units a poll changed are announced together ({@link OrgUnitReplica#together}).
 * Every service but plan-service, which owns the tree, has it.
 */
@ApplicationScoped
@IfBuildProperty(name = "campaign.org-replica.enabled", stringValue = "true", enableIfMissing = true)
public class OrgUnitReplicaConsumer {

    static final String CHANNEL = "org-units";

    @Inject
    EventBatches batches;
    @Inject
    OrgUnitReplica replica;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.live(CHANNEL, "org-replica", records, replica::apply, replica::together);
    }
}
