package vn.campaign.commitment.plans;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.localinfra.OrgUnitEvents;
import vn.campaign.localinfra.PlanEvents;
import vn.campaign.localinfra.TestTopics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replica of plan-service's plans: exact, idempotent, never going backwards, and not stopped by a poison message. */
@QuarkusTest
class PlanReplicaTest {

    private static final String DLQ = "campaign.dlq.commitment-service.plans";

    @Inject
    Fixtures fixtures;

    @Test
    void aPublishedPlanIsKeptWithItsWindowAndTheDefaults() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree, p -> p.actions(null, null).number("58-KH/HU"));
        PlanReplica replica = find(plan).orElseThrow();
        assertEquals("58-KH/HU", replica.number);
        assertEquals(Fixtures.year(), replica.year);
        assertEquals(List.of(tree.provinceId()), replica.recipientIds);
        assertEquals(1, replica.minActions());
        assertEquals(2, replica.maxActions());
        assertEquals(CampaignDates.today().plusDays(7), replica.dueOn);
        assertNull(replica.templates);
        assertTrue(replica.acceptsCommitments());
    }

    @Test
    void anAmendmentReplacesTheWindowAndAnOlderRevisionIsIgnored() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        PlanEvents.plan(plan, Fixtures.year(), tree.province()).recipientSubtree(tree.province()).revision(3)
                .window(CampaignDates.today(), CampaignDates.today().plusDays(60)).actions(2, 4).amend();
        await().atMost(Duration.ofSeconds(60)).until(() -> find(plan).map(p -> p.revision == 3).orElse(false));
        String stale = PlanEvents.plan(plan, Fixtures.year(), tree.province()).recipientSubtree(tree.province()).revision(2)
                .window(CampaignDates.today(), CampaignDates.today().plusDays(1)).publish();
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(stale));
        PlanReplica replica = find(plan).orElseThrow();
        assertEquals(3, replica.revision);
        assertEquals(4, replica.maxActions());
        assertEquals(CampaignDates.today().plusDays(60), replica.dueOn);
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        PlanEvents.Plan state = PlanEvents.plan(plan, Fixtures.year(), tree.province()).recipientSubtree(tree.province())
                .window(CampaignDates.today(), CampaignDates.today().plusDays(9));
        state.send(eventId, PlanEvents.PUBLISHED, "PUBLISHED");
        fixtures.awaitPlan(plan, "PUBLISHED");
        state.send(eventId, PlanEvents.WITHDRAWN, "WITHDRAWN"); // the same id again: already applied
        String marker = PlanEvents.plan(UUID.randomUUID(), Fixtures.year(), tree.province()).publish();
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(marker));
        assertEquals("PUBLISHED", find(plan).orElseThrow().status);
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithItsReasonAndTheStreamGoesOn() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        TestTopics.send(PlanEvents.TOPIC, plan.toString(), "{\"planId\":\"" + plan + "\",\"year\":\"next year\"}",
                OrgUnitEvents.headers(poisonId, PlanEvents.PUBLISHED, plan.toString()));
        UUID after = fixtures.plan(tree);

        assertTrue(find(after).isPresent());
        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> TestTopics.readAll(DLQ).stream().filter(r -> poisonId.equals(TestTopics.header(r, "ce_id"))).findFirst(),
                        Optional::isPresent).orElseThrow();
        String reason = TestTopics.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("not a plan state"), "reason: " + reason);
        assertTrue(find(plan).isEmpty());
    }

    private static Optional<PlanReplica> find(UUID plan) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(PlanReplica.<PlanReplica>findById(plan)).map(p -> {
            p.recipientIds.size(); // load while the transaction is open
            return p;
        }));
    }

    private boolean processed(String eventId) {
        return fixtures.count("select count(*) from processed_event where consumer = 'plan-replica' and event_id = '" + eventId + "'") == 1;
    }
}
