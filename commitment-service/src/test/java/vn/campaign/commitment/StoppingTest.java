package vn.campaign.commitment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.inbox.EventBatches;
import vn.campaign.foundation.inbox.EventInbox;
import vn.campaign.foundation.inbox.Stopping;
import vn.campaign.localinfra.OrgUnitEvents;
import vn.campaign.localinfra.TestTopics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * While the application stops, Hibernate closes before the consumers do: an event failing then
 * must stay unacknowledged, not go to the dead-letter topic (which would lose it for good).
 * Outside a shutdown the same failure is poison and is dead-lettered.
 */
@QuarkusTest
class StoppingTest {

    private static final String DLQ = "campaign.dlq.commitment-service.plans";
    private static final Consumer<EventEnvelope> CLOSED = event -> {
        throw new IllegalStateException("EntityManagerFactory is closed");
    };

    @Inject
    EventInbox inbox;
    @Inject
    EventBatches batches;
    @Inject
    Stopping stopping;

    @AfterEach
    void running() {
        stopping.set(false);
    }

    @Test
    void aRecordFailingWhileTheApplicationStopsIsNotDeadLettered() {
        ConsumerRecord<String, String> record = record();
        stopping.set(true);

        assertThrows(Stopping.StoppingException.class, () -> inbox.consumeLive("plans", "stopping-test", record, CLOSED));
        assertEquals(0, deadLettered(record), "nothing dead-lettered while stopping");

        stopping.set(false);
        inbox.consumeLive("plans", "stopping-test", record, CLOSED);
        assertEquals(1, deadLettered(record), "the same failure outside a shutdown is poison");
    }

    @Test
    void aBatchFailingWhileTheApplicationStopsIsNotDeadLettered() {
        ConsumerRecord<String, String> first = record();
        ConsumerRecord<String, String> second = record();
        stopping.set(true);

        assertThrows(Stopping.StoppingException.class,
                () -> batches.live("plans", "stopping-test-batch", List.of(first, second), CLOSED));
        assertEquals(0, deadLettered(first) + deadLettered(second), "nothing dead-lettered while stopping");

        stopping.set(false);
        batches.live("plans", "stopping-test-batch", List.of(first, second), CLOSED);
        assertEquals(2, deadLettered(first) + deadLettered(second), "the same failures outside a shutdown are poison");
    }

    /** A well-formed event (dead-lettering waits for the broker's acknowledgement, so the topic is read after the call). */
    private static ConsumerRecord<String, String> record() {
        String id = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = new ConsumerRecord<>("campaign.plans.v1", 0, 0, id, "{\"planId\": \"" + id + "\"}");
        OrgUnitEvents.headers(id, "plan.published.v1", id)
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private static long deadLettered(ConsumerRecord<String, String> record) {
        String id = TestTopics.header(record, "ce_id");
        return TestTopics.readAll(DLQ).stream().filter(r -> id.equals(TestTopics.header(r, "ce_id"))).count();
    }
}
