package vn.campaign.commitment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.localinfra.OrgUnitEvents;
import vn.campaign.localinfra.TestTopics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The replicated organisation tree: exact, idempotent, and not stopped by a poison message. */
@QuarkusTest
class OrgReplicaTest {

    private static final String DLQ = "campaign.dlq.commitment-service.org-units";

    @Inject
    EntityManager em;

    @Test
    void snapshotsFromTheTopicBuildTheReplicaUsedForScope() {
        UUID province = UUID.randomUUID();
        UUID commune = UUID.randomUUID();
        OrgUnitEvents.send(province, "P-" + province, "Đảng bộ tỉnh Cà Mau", "PARTY_COMMITTEE", List.of(province), 0);
        OrgUnitEvents.send(commune, "C-" + commune, "Đảng bộ xã Tân Hưng", "PARTY_COMMITTEE", List.of(province, commune), 0);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", DevTokens.bearer("viewer", province))
                        .when().get("/internal/org-units/{id}", commune)
                        .then().statusCode(200).body("name", equalTo("Đảng bộ xã Tân Hưng")).body("path.size()", equalTo(2)));
        given().header("Authorization", DevTokens.bearer("viewer", commune))
                .when().get("/internal/org-units/{id}", province).then().statusCode(403);
        given().when().get("/internal/org-units/{id}", province).then().statusCode(401);
    }

    @Test
    void aRedeliveredEventHasOneEffectEvenWithAnotherPayload() {
        UUID unit = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        OrgUnitEvents.send(eventId, unit, "D-" + unit, "Chi bộ 1", "PARTY_CELL", List.of(unit), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> replicaName(unit).isPresent());

        // the same event id again, this time claiming a newer version: the inbox must drop it
        OrgUnitEvents.send(eventId, unit, "D-" + unit, "Chi bộ đổi tên", "PARTY_CELL", List.of(unit), 2);
        String marker = OrgUnitEvents.send(unit, "D-" + unit, "Chi bộ 1", "PARTY_CELL", List.of(unit), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker));

        assertEquals(Optional.of("Chi bộ 1"), replicaName(unit));
        assertEquals(1L, processedCount(eventId));
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithItsReasonAndTheStreamGoesOn() {
        UUID unit = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        TestTopics.send(OrgUnitEvents.TOPIC, unit.toString(), "{not json", OrgUnitEvents.headers(poisonId, "org-unit.created.v1", unit.toString()));
        OrgUnitEvents.send(unit, "E-" + unit, "Chi bộ sau thư hỏng", "PARTY_CELL", List.of(unit), 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> replicaName(unit).isPresent());
        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestTopics.readAll(DLQ).stream().filter(r -> poisonId.equals(TestTopics.header(r, "ce_id"))).findFirst(),
                        Optional::isPresent).orElseThrow();
        assertEquals("{not json", dead.value());
        String reason = TestTopics.header(dead, "dead-letter-reason");
        org.junit.jupiter.api.Assertions.assertTrue(reason != null && reason.contains("not JSON"), "reason: " + reason);
    }

    private Optional<String> replicaName(UUID unit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select name from org_unit_replica where id = ?1")
                .setParameter(1, unit).getResultStream().findFirst().map(Object::toString));
    }

    private boolean processed(String eventId) {
        return processedCount(eventId) == 1;
    }

    private long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, eventId).getSingleResult()).longValue());
    }
}
