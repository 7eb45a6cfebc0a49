package vn.campaign.commitment.commitments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;
import vn.campaign.foundation.events.Topics;
import vn.campaign.localinfra.TestTopics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.campaign.commitment.Api.addLeader;
import static vn.campaign.commitment.Api.approve;
import static vn.campaign.commitment.Api.as;
import static vn.campaign.commitment.Api.checkIn;
import static vn.campaign.commitment.Api.created;
import static vn.campaign.commitment.Api.evaluate;
import static vn.campaign.commitment.Api.leaderForm;
import static vn.campaign.commitment.Api.member;
import static vn.campaign.commitment.Api.returnIt;
import static vn.campaign.commitment.Api.secretary;
import static vn.campaign.commitment.Api.selfAssess;
import static vn.campaign.commitment.Api.submit;

/** Roster changes and every transition reach campaign.commitments.v1 as CloudEvents that consumers can roll up. */
@QuarkusTest
class CommitmentEventsTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ObjectMapper json;

    @Test
    void rosterChangesArePublishedKeyedByMemberWithTheUnitPath() throws Exception {
        Fixtures.Tree tree = fixtures.tree();
        UUID id = addLeader(tree.cellId(), "Nguyễn Văn Lãnh", "PARTY_MEMBER", "Bí thư chi bộ");
        as(secretary(tree.communeId())).body(Map.of("unitId", tree.otherCellId().toString()))
                .when().post("/api/v1/members/{id}/move", id).then().statusCode(200);

        ConsumerRecord<String, String> registered = awaitEvent(id, "member.registered.v1");
        assertEquals("1.0", TestTopics.header(registered, "ce_specversion"));
        assertEquals("/commitment-service", TestTopics.header(registered, "ce_source"));
        assertEquals(id.toString(), TestTopics.header(registered, "ce_subject"));
        JsonNode data = json.readTree(registered.value());
        assertEquals("Nguyễn Văn Lãnh", data.get("fullName").asText());
        assertEquals(ids(tree.cell()), ids(data.get("unitPath")));
        assertEquals("PARTY_MEMBER", data.get("category").asText());
        assertEquals("FORM_01", data.get("template").asText());
        assertTrue(data.get("leader").asBoolean());
        assertEquals("secretary-" + tree.cellId(), data.get("actor").get("subject").asText());
        assertFalse(data.has("externalRef"), "the external reference stays in the roster");
        assertFalse(data.has("exemptionReason"), "the reason for an exemption stays in the roster");

        JsonNode moved = json.readTree(awaitEvent(id, "member.moved.v1").value());
        assertEquals(ids(tree.otherCell()), ids(moved.get("unitPath")));
        assertEquals(ids(tree.cell()), ids(moved.get("previousUnitPath")));
        assertEquals("secretary-" + tree.communeId(), moved.get("actor").get("subject").asText());
    }

    @Test
    void everyTransitionIsPublishedKeyedByCommitmentWithWhatReportingAndRecognitionNeed() throws Exception {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID id = addLeader(tree.cellId(), "Trần Thị Gương", "PARTY_MEMBER", "Phó Chủ tịch UBND xã");
        String token = member(id, tree.cellId());
        String secretary = secretary(tree.cellId());
        UUID c = created(token, leaderForm(plan, null, "FORM_01", year));
        submit(token, c).statusCode(200);
        returnIt(secretary, c, "Bổ sung chỉ tiêu").statusCode(200);
        submit(token, c).statusCode(200);
        approve(secretary, c).statusCode(200);
        String checkInId = checkIn(token, c, 2, year + "Q1", 70).statusCode(201).extract().path("id");
        as(secretary).body(Map.of("comment", "Gương mẫu", "praised", true))
                .when().post("/api/v1/commitments/{id}/check-ins/{k}/review", c, checkInId).then().statusCode(200);
        selfAssess(token, c).statusCode(200);
        evaluate(secretary, c, 93).statusCode(200);

        for (String type : List.of("commitment.created.v1", "commitment.returned.v1", "commitment.approved.v1",
                "commitment.self-assessed.v1", "commitment.evaluated.v1")) {
            JsonNode data = json.readTree(awaitEvent(c, type).value());
            assertEquals(c.toString(), data.get("commitmentId").asText(), type);
            assertEquals(id.toString(), data.get("memberId").asText(), type);
            assertEquals(tree.cellId().toString(), data.get("unitId").asText(), type);
            assertEquals(ids(tree.cell()), ids(data.get("unitPath")), type);
            assertEquals(year, data.get("year").asInt(), type);
            assertEquals(plan.toString(), data.get("planId").asText(), type);
            assertEquals("FORM_01", data.get("template").asText(), type);
            assertTrue(data.get("leader").asBoolean(), type);
            assertFalse(data.get("late").asBoolean(), type);
            assertTrue(data.has("actor") && data.get("actor").has("subject"), type);
        }
        List<JsonNode> submits = events(c, "commitment.submitted.v1");
        assertEquals(2, submits.size());
        assertFalse(submits.get(0).get("resubmission").asBoolean());
        assertTrue(submits.get(1).get("resubmission").asBoolean());
        assertEquals("RETURNED", submits.get(1).get("previousStatus").asText());
        assertEquals("member-" + id, submits.get(0).get("actor").get("subject").asText());

        JsonNode evaluated = json.readTree(awaitEvent(c, "commitment.evaluated.v1").value());
        assertEquals("EVALUATED", evaluated.get("status").asText());
        assertEquals(93, evaluated.get("score").asInt());
        assertEquals("EXCELLENT", evaluated.get("rating").asText());
        assertEquals("secretary-" + tree.cellId(), evaluated.get("actor").get("subject").asText());

        JsonNode checkedIn = json.readTree(awaitEvent(c, "commitment.checked-in.v1").value());
        assertEquals(2, checkedIn.get("action").asInt());
        assertEquals(year + "Q1", checkedIn.get("period").asText());
        assertEquals(70, checkedIn.get("percent").asInt());
        assertEquals(ids(tree.cell()), ids(checkedIn.get("unitPath")));

        JsonNode praised = json.readTree(awaitEvent(c, "commitment.praised.v1").value());
        assertEquals(id.toString(), praised.get("memberId").asText());
        assertEquals(checkInId, praised.get("checkInId").asText());
        assertEquals("Gương mẫu", praised.get("comment").asText());
        assertTrue(praised.get("leader").asBoolean());
        assertEquals(1, events(c, "commitment.praised.v1").size());
    }

    private List<JsonNode> events(UUID key, String type) {
        awaitEvent(key, type);
        return TestTopics.readAll(Topics.COMMITMENTS).stream()
                .filter(r -> key.toString().equals(r.key()) && type.equals(TestTopics.header(r, "ce_type")))
                .map(r -> {
                    try {
                        return json.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static ConsumerRecord<String, String> awaitEvent(UUID key, String type) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.readAll(Topics.COMMITMENTS).stream()
                        .filter(r -> key.toString().equals(r.key()) && type.equals(TestTopics.header(r, "ce_type")))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static List<String> ids(List<UUID> path) {
        return path.stream().map(UUID::toString).toList();
    }

    private static List<String> ids(JsonNode array) {
        java.util.ArrayList<String> ids = new java.util.ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
