package vn.campaign.reporting.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.localinfra.OrgUnitEvents;
import vn.campaign.localinfra.TestTopics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumers apply a poll at a time: many commitments in a burst count exactly, a redelivered
 * one once, and an event that can never apply goes to the dead-letter topic with its reason while
 * the rest of its batch counts.
 */
@QuarkusTest
class BatchesTest {

    private static final String COMMITMENTS = "campaign.commitments.v1";
    private static final String DLQ = "campaign.dlq.reporting-service.commitments";

    @Inject
    ObjectMapper json;

    @Test
    void aBurstCountsExactlyAndAPoisonEventIsSetAsideWithItsReason() throws Exception {
        UUID p = UUID.randomUUID();
        UUID k = UUID.randomUUID();
        OrgUnitEvents.send(p, "P-" + p, "Đảng bộ tỉnh Hậu Giang", "PARTY_COMMITTEE", List.of(p), 0);
        OrgUnitEvents.send(k, "K-" + k, "Chi bộ ấp Tân Phú", "PARTY_CELL", List.of(p, k), 0);
        String viewer = DevTokens.bearer("viewer", p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2027")
                .when().get("/api/v1/dashboards/units/{id}", k).then().statusCode(200));

        String redelivered = null;
        for (int i = 0; i < 300; i++) {
            UUID commitment = UUID.randomUUID();
            String eventId = UUID.randomUUID().toString();
            send(eventId, commitment, state(commitment, List.of(p, k), i % 3 == 0));
            if (i == 150) {
                redelivered = eventId;
                send(eventId, commitment, state(commitment, List.of(p, k), true)); // the same event again
            }
        }
        UUID poison = UUID.randomUUID();
        Map<String, Object> noPath = state(poison, List.of(p, k), false);
        noPath.remove("unitPath");
        send(UUID.randomUUID().toString(), poison, noPath);
        UUID last = UUID.randomUUID();
        send(UUID.randomUUID().toString(), last, state(last, List.of(p, k), false));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2027")
                .when().get("/api/v1/dashboards/units/{id}", p).then().statusCode(200)
                .body("figures.'commitments.total'", equalTo(301))
                .body("figures.'commitments.submitted'", equalTo(301))
                .body("figures.'commitments.late'", equalTo(100))
                .body("figures.'commitments.onTime'", equalTo(201)));
        assertTrue(redelivered != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = TestTopics.readAll(DLQ).stream()
                    .filter(r -> r.key().equals(poison.toString())).toList();
            assertEquals(1, dead.size());
            assertTrue(TestTopics.header(dead.get(0), "dead-letter-reason").contains("unit path"),
                    TestTopics.header(dead.get(0), "dead-letter-reason"));
            assertEquals(COMMITMENTS, TestTopics.header(dead.get(0), "dead-letter-topic"));
        });
    }

    private static Map<String, Object> state(UUID id, List<UUID> path, boolean late) {
        Map<String, Object> state = new HashMap<>();
        state.put("commitmentId", id);
        state.put("memberId", UUID.randomUUID());
        state.put("unitId", path.get(path.size() - 1));
        state.put("unitPath", path);
        state.put("year", 2027);
        state.put("template", "FORM_01");
        state.put("leader", false);
        state.put("status", "SUBMITTED");
        state.put("late", late);
        state.put("submittedAt", "2027-04-20T03:00:00Z");
        state.put("version", 1);
        return state;
    }

    private void send(String eventId, UUID key, Map<String, Object> state) throws Exception {
        TestTopics.send(COMMITMENTS, key.toString(), json.writeValueAsString(state),
                OrgUnitEvents.headers(eventId, "commitment.submitted.v1", key.toString()));
    }
}
