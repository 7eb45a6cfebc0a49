package vn.campaign.reporting.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Events of a small commune, produced through the real broker as plan-service and
 * commitment-service publish them, give exact, hand-counted figures at cell, commune and province.
 */
@QuarkusTest
class FiguresTest {

    private static final String COMMITMENTS = "campaign.commitments.v1";
    private static final String PLANS = "campaign.plans.v1";

    @Inject
    ObjectMapper json;

    @Test
    void figuresRollUpExactlyAndRedeliveryChangesNothing() throws Exception {
        UUID p = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID k1 = UUID.randomUUID();
        UUID k2 = UUID.randomUUID();
        OrgUnitEvents.send(p, "P-" + p, "Đảng bộ tỉnh Vĩnh Long", "PARTY_COMMITTEE", List.of(p), 0);
        OrgUnitEvents.send(c, "C-" + c, "Đảng bộ xã Long Hồ", "PARTY_COMMITTEE", List.of(p, c), 0);
        OrgUnitEvents.send(k1, "K1-" + k1, "Chi bộ ấp 1", "PARTY_CELL", List.of(p, c, k1), 0);
        OrgUnitEvents.send(k2, "K2-" + k2, "Chi bộ ấp 2", "PARTY_CELL", List.of(p, c, k2), 0);
        List<UUID> cell1 = List.of(p, c, k1);
        List<UUID> cell2 = List.of(p, c, k2);

        UUID m1 = member(cell1, true, null);
        UUID m2 = member(cell1, false, null);
        member(cell2, false, "RETIRED");
        UUID m4 = member(cell2, false, null);

        UUID c1 = UUID.randomUUID();
        commitment(UUID.randomUUID().toString(), c1, m1, cell1, true, "SUBMITTED", false, true, null, 1);
        String approvedEvent = UUID.randomUUID().toString();
        commitment(approvedEvent, c1, m1, cell1, true, "APPROVED", false, true, null, 2);
        commitment(UUID.randomUUID().toString(), c1, m1, cell1, true, "EVALUATED", false, true, "EXCELLENT", 4);
        UUID c2 = UUID.randomUUID();
        commitment(UUID.randomUUID().toString(), c2, m2, cell1, false, "SUBMITTED", true, true, null, 1);
        commitment(UUID.randomUUID().toString(), c2, m2, cell1, false, "RETURNED", true, true, null, 2);
        commitment(UUID.randomUUID().toString(), UUID.randomUUID(), m4, cell2, false, "DRAFT", false, false, null, 0);

        // the same event again, and an old state under a new event id: neither may count
        commitment(approvedEvent, c1, m1, cell1, true, "APPROVED", false, true, null, 2);
        commitment(UUID.randomUUID().toString(), c1, m1, cell1, true, "SUBMITTED", false, true, null, 1);
        // a later re-evaluation on the same key: once it shows, everything before it on c1 was applied
        commitment(UUID.randomUUID().toString(), c1, m1, cell1, true, "EVALUATED", false, true, "GOOD", 5);

        UUID plan = UUID.randomUUID();
        plan("plan.acknowledged.v1", plan, Map.of("planId", plan, "year", 2026, "unitId", c, "unitPath", List.of(p, c)));
        plan("plan.implementation-linked.v1", plan, Map.of("planId", plan, "year", 2026, "unitId", c, "unitPath", List.of(p, c),
                "implementingPlanId", UUID.randomUUID()));
        Map<String, Object> studySession = activity(plan, cell1, "STUDY_SESSION", "2026-03-10", 10, 9);
        plan("plan.activity-recorded.v1", plan, studySession);
        plan("plan.activity-recorded.v1", plan, studySession); // replayed under another event id
        plan("plan.activity-recorded.v1", plan, activity(plan, cell1, "TOPICAL_MEETING", "2026-06-20", 10, 8));

        String viewer = DevTokens.bearer("viewer", p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p).then().statusCode(200)
                .body("name", equalTo("Đảng bộ tỉnh Vĩnh Long"))
                .body("figures.'members.total'", equalTo(4))
                .body("figures.'members.expected'", equalTo(3))
                .body("figures.'leaders.expected'", equalTo(1))
                .body("figures.'commitments.total'", equalTo(3))
                .body("figures.'commitments.submitted'", equalTo(2))
                .body("figures.'commitments.onTime'", equalTo(1))
                .body("figures.'commitments.late'", equalTo(1))
                .body("figures.'commitments.approved'", equalTo(1))
                .body("figures.'commitments.returned'", equalTo(1))
                .body("figures.'commitments.evaluated'", equalTo(1))
                .body("figures.'commitments.rating.GOOD'", equalTo(1))
                .body("figures.'commitments.rating.EXCELLENT'", nullValue())
                .body("figures.'leaders.commitments.submitted'", equalTo(1))
                .body("figures.'leaders.commitments.late'", nullValue())
                .body("figures.'plans.acknowledged'", equalTo(1))
                .body("figures.'plans.implementingPlanIssued'", equalTo(1))
                .body("figures.'activities.STUDY_SESSION'", equalTo(1))
                .body("figures.'activities.TOPICAL_MEETING'", equalTo(1))
                .body("figures.'attendance.expected'", equalTo(20))
                .body("figures.'attendance.attended'", equalTo(17)));
        given().header("Authorization", viewer).queryParam("period", "2026Q1")
                .when().get("/api/v1/dashboards/units/{id}", c).then().statusCode(200)
                .body("figures.'activities.STUDY_SESSION'", equalTo(1))
                .body("figures.'activities.TOPICAL_MEETING'", nullValue())
                .body("figures.'attendance.attended'", equalTo(9));
        // the figures may roll up along the events' paths before the replica lists both cells
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}/children", c).then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.contains("Chi bộ ấp 1", "Chi bộ ấp 2"))
                .body("items[0].figures.'commitments.submitted'", equalTo(2))
                .body("items[1].figures.'members.expected'", equalTo(1))
                .body("items[1].figures.'commitments.total'", equalTo(1))
                .body("items[1].figures.'commitments.submitted'", nullValue()));

        given().header("Authorization", DevTokens.bearer("viewer", k2)).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", k1).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", viewer).queryParam("period", "2026-01")
                .when().get("/api/v1/dashboards/units/{id}", p).then().statusCode(400).body("errors.field", hasItem("period"));
        given().header("Authorization", DevTokens.bearer("member", p)).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p).then().statusCode(403);
    }

    @Test
    void recognitionFiguresAndTimeSeries() throws Exception {
        UUID p = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        OrgUnitEvents.send(p, "P-" + p, "Đảng bộ tỉnh An Giang", "PARTY_COMMITTEE", List.of(p), 0);
        OrgUnitEvents.send(c, "C-" + c, "Đảng bộ xã Mỹ Hòa", "PARTY_COMMITTEE", List.of(p, c), 0);
        OrgUnitEvents.send(other, "O-" + other, "Đảng bộ xã Bình Đức", "PARTY_COMMITTEE", List.of(p, other), 0);

        UUID nomination = UUID.randomUUID();
        recognition("nomination.submitted.v1", nomination, Map.of("nominationId", nomination, "unitId", c, "unitPath", List.of(p, c),
                "year", 2026, "form", "CERTIFICATE", "status", "SUBMITTED", "version", 1));
        recognition("nomination.approved.v1", nomination, Map.of("nominationId", nomination, "unitId", c, "unitPath", List.of(p, c),
                "year", 2026, "form", "CERTIFICATE", "status", "APPROVED", "version", 3));
        UUID award = UUID.randomUUID();
        recognition("award.created.v1", award, Map.of("awardId", award, "year", 2026, "form", "CERTIFICATE", "unitId", c,
                "unitPath", List.of(p, c), "recipients", List.of(Map.of("nomineeType", "MEMBER", "nomineeId", UUID.randomUUID()),
                        Map.of("nomineeType", "MEMBER", "nomineeId", UUID.randomUUID())), "version", 0));
        UUID model = UUID.randomUUID();
        recognition("model.recognised.v1", model, Map.of("modelId", model, "name", "Dân vận khéo", "unitId", c, "unitPath", List.of(p, c),
                "status", "RECOGNISED", "recognisedYear", 2026, "version", 1));
        recognition("model.replicated.v1", model, Map.of("modelId", model, "unitId", c, "unitPath", List.of(p, c),
                "replicatingUnitId", other, "replicatingUnitPath", List.of(p, other), "replicatedOn", "2026-05-02", "replicationCount", 1));
        UUID plan = UUID.randomUUID();
        plan("plan.activity-recorded.v1", plan, activity(plan, List.of(p, c), "TOPICAL_MEETING", "2026-02-10", 30, 28));
        plan("plan.activity-recorded.v1", plan, activity(plan, List.of(p, c), "TOPICAL_MEETING", "2026-08-10", 30, 25));

        String viewer = DevTokens.bearer("viewer", p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p).then().statusCode(200)
                .body("figures.nominations", equalTo(1))
                .body("figures.'nominations.APPROVED'", equalTo(1))
                .body("figures.'nominations.SUBMITTED'", nullValue())
                .body("figures.'nominations.CERTIFICATE'", equalTo(1))
                .body("figures.'awards.CERTIFICATE'", equalTo(1))
                .body("figures.'awards.recipients'", equalTo(2))
                .body("figures.'models.recognised'", equalTo(1))
                .body("figures.'models.replications'", equalTo(1))
                .body("figures.'activities.TOPICAL_MEETING'", equalTo(2)));
        given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", other).then().statusCode(200)
                .body("figures.'models.replications'", equalTo(1)).body("figures.'models.recognised'", nullValue());
        given().header("Authorization", viewer).queryParam("periods", "2026Q1,2026Q2,2026Q3,2026S2")
                .when().get("/api/v1/dashboards/units/{id}/series", p).then().statusCode(200)
                .body("periods.'2026Q1'.'activities.TOPICAL_MEETING'", equalTo(1))
                .body("periods.'2026Q1'.'attendance.attended'", equalTo(28))
                .body("periods.'2026Q2'.'models.replications'", equalTo(1))
                .body("periods.'2026Q3'.'attendance.attended'", equalTo(25))
                .body("periods.'2026S2'.'activities.TOPICAL_MEETING'", equalTo(1));
        given().header("Authorization", viewer).queryParam("periods", "2026Q5")
                .when().get("/api/v1/dashboards/units/{id}/series", p).then().statusCode(400).body("errors.field", hasItem("periods"));
    }

    @Test
    void aMergeRollsTheClosedUnitsFiguresUpUnderItsSuccessor() throws Exception {
        UUID p = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        OrgUnitEvents.send(p, "P-" + p, "Đảng bộ tỉnh Cà Mau", "PARTY_COMMITTEE", List.of(p), 0);
        OrgUnitEvents.send(a, "A-" + a, "Đảng bộ xã Tân Lộc", "PARTY_COMMITTEE", List.of(p, a), 0);
        OrgUnitEvents.send(b, "B-" + b, "Đảng bộ xã Thới Bình", "PARTY_COMMITTEE", List.of(p, b), 0);
        OrgUnitEvents.send(cell, "K-" + cell, "Chi bộ ấp Tân Hòa", "PARTY_CELL", List.of(p, a, cell), 0);
        commitment(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(), List.of(p, a, cell), false, "SUBMITTED", false, true, null, 1);
        UUID plan = UUID.randomUUID();
        plan("plan.activity-recorded.v1", plan, activity(plan, List.of(p, a), "STUDY_SESSION", "2026-03-01", 20, 18));

        String viewer = DevTokens.bearer("viewer", p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", a).then().statusCode(200)
                .body("figures.'commitments.submitted'", equalTo(1)).body("figures.'activities.STUDY_SESSION'", equalTo(1)));

        // the successor's snapshot arrives first here: the closed unit follows it when its own snapshot comes
        snapshot(b, "Đảng bộ xã Thới Bình", List.of(p, b), null, null, List.of(a), 1);
        snapshot(cell, "Chi bộ ấp Tân Hòa", List.of(p, b, cell), null, null, List.of(), 1);
        snapshot(a, "Đảng bộ xã Tân Lộc", List.of(p, a), "2026-07-01", b, List.of(), 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", b).then().statusCode(200)
                .body("figures.'commitments.submitted'", equalTo(1))
                .body("figures.'activities.STUDY_SESSION'", equalTo(1))
                .body("figures.'attendance.attended'", equalTo(18)));
        given().header("Authorization", viewer).queryParam("period", "2026").when().get("/api/v1/dashboards/units/{id}", a)
                .then().body("figures.'commitments.submitted'", nullValue()).body("figures.'activities.STUDY_SESSION'", equalTo(1));
        given().header("Authorization", viewer).queryParam("period", "2026").when().get("/api/v1/dashboards/units/{id}", p)
                .then().body("figures.'commitments.submitted'", equalTo(1)).body("figures.'activities.STUDY_SESSION'", equalTo(1));
    }

    @Test
    void figuresOfAUnitMergedTwiceFollowTheLastSuccessorWhenItMoves() throws Exception {
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        OrgUnitEvents.send(p1, "P1-" + p1, "Đảng bộ tỉnh Bạc Liêu", "PARTY_COMMITTEE", List.of(p1), 0);
        OrgUnitEvents.send(p2, "P2-" + p2, "Đảng bộ tỉnh Cà Mau", "PARTY_COMMITTEE", List.of(p2), 0);
        OrgUnitEvents.send(a, "A-" + a, "Đảng bộ xã Vĩnh Lợi", "PARTY_COMMITTEE", List.of(p1, a), 0);
        OrgUnitEvents.send(b, "B-" + b, "Đảng bộ xã Châu Thới", "PARTY_COMMITTEE", List.of(p1, b), 0);
        OrgUnitEvents.send(c, "C-" + c, "Đảng bộ xã Hưng Thành", "PARTY_COMMITTEE", List.of(p1, c), 0);
        UUID plan = UUID.randomUUID();
        plan("plan.activity-recorded.v1", plan, activity(plan, List.of(p1, a), "STUDY_SESSION", "2026-03-01", 20, 18));
        plan("plan.activity-recorded.v1", plan, activity(plan, List.of(p1, b), "TOPICAL_MEETING", "2026-03-02", 10, 7));

        // A merges into B, then B into C; then C moves to the other province
        snapshot(b, "Đảng bộ xã Châu Thới", List.of(p1, b), null, null, List.of(a), 1);
        snapshot(a, "Đảng bộ xã Vĩnh Lợi", List.of(p1, a), "2026-07-01", b, List.of(), 1);
        snapshot(c, "Đảng bộ xã Hưng Thành", List.of(p1, c), null, null, List.of(b), 1);
        snapshot(b, "Đảng bộ xã Châu Thới", List.of(p1, b), "2026-09-01", c, List.of(a), 2);
        String viewer = DevTokens.bearer("viewer", p1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", c).then().statusCode(200)
                .body("figures.'activities.STUDY_SESSION'", equalTo(1))
                .body("figures.'activities.TOPICAL_MEETING'", equalTo(1)));

        snapshot(c, "Đảng bộ xã Hưng Thành", List.of(p2, c), null, null, List.of(b), 2);
        String otherViewer = DevTokens.bearer("viewer", p2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", otherViewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p2).then().statusCode(200)
                .body("figures.'activities.STUDY_SESSION'", equalTo(1))
                .body("figures.'activities.TOPICAL_MEETING'", equalTo(1))
                .body("figures.'attendance.attended'", equalTo(25)));
        given().header("Authorization", viewer).queryParam("period", "2026").when().get("/api/v1/dashboards/units/{id}", p1)
                .then().statusCode(200)
                .body("figures.'activities.STUDY_SESSION'", nullValue())
                .body("figures.'activities.TOPICAL_MEETING'", nullValue())
                .body("figures.'attendance.attended'", nullValue());
    }

    private void snapshot(UUID unit, String name, List<UUID> path, String validTo, UUID successor, List<UUID> predecessors, long version)
            throws Exception {
        Map<String, Object> state = new HashMap<>();
        state.put("unitId", unit);
        state.put("code", "S-" + unit);
        state.put("name", name);
        state.put("kind", "PARTY_COMMITTEE");
        state.put("parentId", path.size() > 1 ? path.get(path.size() - 2) : null);
        state.put("unitPath", path);
        state.put("validFrom", "2025-07-01");
        state.put("validTo", validTo);
        state.put("successorId", successor);
        state.put("predecessorIds", predecessors);
        state.put("version", version);
        send(OrgUnitEvents.TOPIC, UUID.randomUUID().toString(), unit, validTo == null ? "org-unit.moved.v1" : "org-unit.closed.v1", state);
    }

    private void recognition(String type, UUID key, Map<String, Object> payload) throws Exception {
        send("campaign.recognition.v1", UUID.randomUUID().toString(), key, type, payload);
    }

    private UUID member(List<UUID> path, boolean leader, String exemption) throws Exception {
        UUID id = UUID.randomUUID();
        Map<String, Object> state = new HashMap<>();
        state.put("memberId", id);
        state.put("fullName", "Thành viên " + id.toString().substring(0, 4));
        state.put("unitId", path.get(path.size() - 1));
        state.put("unitPath", path);
        state.put("category", "PARTY_MEMBER");
        state.put("leader", leader);
        state.put("exemption", exemption);
        state.put("version", 0);
        send(COMMITMENTS, UUID.randomUUID().toString(), id, "member.registered.v1", state);
        return id;
    }

    private void commitment(String eventId, UUID id, UUID member, List<UUID> path, boolean leader, String status, boolean late,
                            boolean submitted, String rating, long version) throws Exception {
        Map<String, Object> state = new HashMap<>();
        state.put("commitmentId", id);
        state.put("memberId", member);
        state.put("unitId", path.get(path.size() - 1));
        state.put("unitPath", path);
        state.put("year", 2026);
        state.put("template", "FORM_01");
        state.put("leader", leader);
        state.put("status", status);
        state.put("late", late);
        state.put("submittedAt", submitted ? "2026-04-20T03:00:00Z" : null);
        state.put("rating", rating);
        state.put("score", rating == null ? null : 95);
        state.put("version", version);
        send(COMMITMENTS, eventId, id, "commitment." + status.toLowerCase().replace('_', '-') + ".v1", state);
    }

    private static Map<String, Object> activity(UUID plan, List<UUID> path, String kind, String heldOn, int expected, int attended) {
        return Map.of("planId", plan, "activityId", UUID.randomUUID(), "year", 2026, "unitId", path.get(path.size() - 1),
                "unitPath", path, "kind", kind, "heldOn", heldOn, "participantsExpected", expected, "participantsAttended", attended);
    }

    private void plan(String type, UUID plan, Map<String, Object> payload) throws Exception {
        send(PLANS, UUID.randomUUID().toString(), plan, type, payload);
    }

    private void send(String topic, String eventId, UUID key, String type, Map<String, Object> payload) throws Exception {
        TestTopics.send(topic, key.toString(), json.writeValueAsString(payload), OrgUnitEvents.headers(eventId, type, key.toString()));
    }
}
