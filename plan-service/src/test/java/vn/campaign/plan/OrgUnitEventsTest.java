package vn.campaign.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import vn.campaign.foundation.events.Topics;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.localinfra.TestInfrastructure;
import vn.campaign.localinfra.TestTopics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The org tree reaches Kafka through the outbox, as CloudEvents, whatever the broker does. */
@QuarkusTest
class OrgUnitEventsTest {

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void everyChangeIsPublishedAsACloudEventKeyedByUnitOnACompactedTopic() throws Exception {
        String id = createRoot("Đảng bộ tỉnh Vĩnh Long");

        ConsumerRecord<String, String> record = awaitEvent(id, "org-unit.created.v1");
        assertEquals("1.0", TestTopics.header(record, "ce_specversion"));
        assertEquals("/plan-service", TestTopics.header(record, "ce_source"));
        assertEquals(id, TestTopics.header(record, "ce_subject"));
        assertEquals("application/json", TestTopics.header(record, "content-type"));
        JsonNode data = json.readTree(record.value());
        assertEquals("Đảng bộ tỉnh Vĩnh Long", data.get("name").asText());
        assertEquals(id, data.get("unitPath").get(0).asText());
        assertEquals("test-admin", data.get("actor").get("subject").asText());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ORG_UNITS);
            String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy").value();
            assertEquals("compact", policy);
        }
    }

    @Test
    void aChangeAcceptedWhileKafkaIsDownArrivesAfterItComesBack() {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.stopKafka();
        String id;
        try {
            id = createRoot("Đảng bộ tỉnh An Giang");
            assertTrue(pendingOutboxRows() > 0, "the event waits in the outbox");
        } finally {
            infra.startKafka();
        }
        awaitEvent(id, "org-unit.created.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows() == 0);
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(Topics.ORG_UNITS, "test", rolledBack, "test.rolled-back.v1", Map.of("marker", rolledBack));
                throw new IllegalStateException("the business change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        QuarkusTransaction.requiringNew().run(() ->
                outbox.publish(Topics.ORG_UNITS, "test", committed, "test.committed.v1", Map.of("marker", committed)));

        awaitEvent(committed, "test.committed.v1"); // published after the rolled-back one would have been
        assertTrue(TestTopics.readAll(Topics.ORG_UNITS).stream().noneMatch(r -> rolledBack.equals(r.key())));
    }

    @Test
    void eventsRecordedTogetherArriveInTheirOrderWithTheIdsGiven() {
        String key = UUID.randomUUID().toString();
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of(
                new Outbox.Event(Topics.ORG_UNITS, "test", key, "test.first.v1", Map.of("n", 1)),
                new Outbox.Event(Topics.ORG_UNITS, "test", key, "test.second.v1", Map.of("n", 2)),
                new Outbox.Event(Topics.ORG_UNITS, "test", key, "test.third.v1", Map.of("n", 3)))));
        assertEquals(3, new java.util.HashSet<>(ids).size(), "one id per event");

        List<ConsumerRecord<String, String>> arrived = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.readAll(Topics.ORG_UNITS).stream().filter(r -> key.equals(r.key())).toList(), l -> l.size() == 3);
        assertEquals(List.of("test.first.v1", "test.second.v1", "test.third.v1"),
                arrived.stream().map(r -> TestTopics.header(r, "ce_type")).toList());
        assertEquals(ids.stream().map(UUID::toString).toList(), arrived.stream().map(r -> TestTopics.header(r, "ce_id")).toList());
        assertEquals("{\"n\":2}", arrived.get(1).value());
    }

    @Test
    void aMovePublishesASnapshotOfEveryUnitOfTheSubtreeWithItsNewPathAndVersion() throws Exception {
        String from = createRoot("Đảng bộ tỉnh Bạc Liêu");
        String to = createRoot("Đảng bộ tỉnh Sóc Trăng");
        String commune = createChild(from, "Đảng bộ xã Vĩnh Lợi", "PARTY_COMMITTEE");
        String cell = createChild(commune, "Chi bộ ấp 1", "PARTY_CELL");

        given().header("Authorization", vn.campaign.localinfra.DevTokens.bearer("admin", null)).contentType("application/json")
                .body(Map.of("parentId", to)).when().post("/api/v1/org-units/{id}/move", commune).then().statusCode(200);

        for (String unit : List.of(commune, cell)) {
            JsonNode moved = json.readTree(awaitEvent(unit, "org-unit.moved.v1").value());
            assertEquals(to, moved.get("unitPath").get(0).asText(), "the path of " + unit + " starts at the new province");
            assertEquals(unit, moved.get("unitPath").get(moved.get("unitPath").size() - 1).asText());
            assertEquals(1, moved.get("version").asLong(), "the snapshot of " + unit + " carries its version after the move");
        }
    }

    private String createChild(String parent, String name, String kind) {
        return given().header("Authorization", vn.campaign.localinfra.DevTokens.bearer("admin", null))
                .contentType("application/json")
                .body(Map.of("code", "EV-" + UUID.randomUUID().toString().substring(0, 8), "name", name, "kind", kind, "parentId", parent))
                .when().post("/api/v1/org-units").then().statusCode(201).extract().path("id");
    }

    private String createRoot(String name) {
        return given().header("Authorization", vn.campaign.localinfra.DevTokens.bearer("admin", null))
                .contentType("application/json")
                .body(Map.of("code", "EV-" + UUID.randomUUID().toString().substring(0, 8), "name", name, "kind", "PARTY_COMMITTEE"))
                .when().post("/api/v1/org-units").then().statusCode(201).extract().path("id");
    }

    private long pendingOutboxRows() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue());
    }

    private static ConsumerRecord<String, String> awaitEvent(String key, String type) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(key, type), Optional::isPresent).orElseThrow();
    }

    private static Optional<ConsumerRecord<String, String>> find(String key, String type) {
        return TestTopics.readAll(Topics.ORG_UNITS).stream()
                .filter(r -> key.equals(r.key()) && type.equals(TestTopics.header(r, "ce_type")))
                .findFirst();
    }
}
