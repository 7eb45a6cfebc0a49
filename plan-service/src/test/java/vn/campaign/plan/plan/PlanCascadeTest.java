package vn.campaign.plan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.foundation.events.Topics;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.localinfra.TestTopics;
import vn.campaign.plan.orgtree.OrgTree;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.campaign.plan.orgtree.OrgTree.admin;
import static vn.campaign.plan.orgtree.OrgTree.child;
import static vn.campaign.plan.orgtree.OrgTree.officer;

/**
 * A province issues its annual-topic plan to the whole tree; communes acknowledge and implement,
 * cells hold study sessions and topical meetings; the province follows the cascade.
 */
@QuarkusTest
class PlanCascadeTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ObjectMapper json;

    @Test
    void aProvincePlanCascadesAndCoverageNamesTheLaggards() throws Exception {
        UUID province = OrgTree.root("Đảng bộ tỉnh Đồng Tháp");
        UUID c1 = child(province, "Đảng bộ phường Mỹ Tho", "PARTY_COMMITTEE");
        UUID c2 = child(province, "Đảng bộ phường Cao Lãnh", "PARTY_COMMITTEE");
        UUID c3 = child(province, "Đảng bộ xã Cái Bè", "PARTY_COMMITTEE");
        UUID k1 = child(c1, "Chi bộ khu phố 1", "PARTY_CELL");
        UUID k2 = child(c1, "Chi bộ khu phố 2", "PARTY_CELL");
        UUID k3 = child(c2, "Chi bộ khóm 3", "PARTY_CELL");
        String provinceOfficer = officer(province);

        UUID term = topic(provinceOfficer, Map.of("kind", "TERM", "title", "Chuyên đề toàn khóa 2025-2030", "startYear", 2025,
                "endYear", 2030, "ownerUnitId", province.toString()));
        UUID annual = topic(provinceOfficer, Map.of("kind", "ANNUAL", "title", "Chuyên đề năm 2026: đoàn kết, kỷ cương", "startYear", 2026,
                "endYear", 2026, "parentTopicId", term.toString(), "ownerUnitId", province.toString()));

        Map<String, Object> document = provincePlan(province, annual, "122/KH-UBND", "2026-04-30");
        Response draft = given().header("Authorization", provinceOfficer).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/plans").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("revision", equalTo(0))
                .body("commitmentWindow.minActions", equalTo(1)).body("commitmentWindow.maxActions", equalTo(2))
                .body("commitmentWindow.templates", containsInAnyOrder("FORM_01", "FORM_2A", "FORM_2B"))
                .extract().response();
        UUID plan = UUID.fromString(draft.path("id"));
        String taskId = draft.path("tasks[0].id");

        // a draft is the issuer's business
        given().header("Authorization", officer(c1)).when().get("/api/v1/plans/{id}", plan).then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", officer(c1)).when().post("/api/v1/plans/{id}/publish", plan).then().statusCode(404);

        given().header("Authorization", provinceOfficer).header("If-Match", draft.header("ETag"))
                .when().post("/api/v1/plans/{id}/publish", plan)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("revision", equalTo(1))
                .body("commitmentsDueAt", equalTo("2026-04-30T17:00:00Z"));

        JsonNode published = json.readTree(awaitEvent(plan, "plan.published.v1").value());
        assertEquals(3, published.get("expectedUnitCount").asInt());
        assertEquals(2026, published.get("year").asInt());
        assertEquals("2026-04-30", published.get("commitmentWindow").get("dueOn").asText());
        assertEquals("QUARTER", published.get("reportingDuties").get(0).get("periodType").asText());
        assertEquals(province.toString(), published.get("unitPath").get(0).asText());

        // recipients see it; a cell sees it through its commune's subtree
        given().header("Authorization", DevTokens.bearer("member", k1)).when().get("/api/v1/plans/{id}", plan).then().statusCode(200);
        given().header("Authorization", officer(c1)).queryParam("recipient", c1.toString()).when().get("/api/v1/plans")
                .then().statusCode(200).body("items.id", hasItem(plan.toString()));

        given().header("Authorization", officer(c1)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/plans/{id}/acknowledgements", plan).then().statusCode(200)
                .body("unitId", equalTo(c1.toString())).body("acknowledgedAt", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", officer(c2)).contentType(ContentType.JSON).body(Map.of("unitId", c2.toString()))
                .when().post("/api/v1/plans/{id}/acknowledgements", plan).then().statusCode(200);
        given().header("Authorization", officer(c2)).contentType(ContentType.JSON).body(Map.of("unitId", c2.toString()))
                .when().post("/api/v1/plans/{id}/acknowledgements", plan).then().statusCode(200);
        given().header("Authorization", DevTokens.bearer("cell-secretary", k1)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/plans/{id}/acknowledgements", plan).then().statusCode(409).contentType(PROBLEM);
        given().header("Authorization", officer(c1)).contentType(ContentType.JSON).body(Map.of("unitId", c2.toString()))
                .when().post("/api/v1/plans/{id}/acknowledgements", plan).then().statusCode(403);

        // commune 1 issues its implementing plan: publishing it links it into the cascade
        Map<String, Object> implementing = new HashMap<>(Map.of("type", "PLAN", "number", "58-KH/ĐU", "issuingUnitId", c1.toString(),
                "issueDate", "2026-02-01", "title", "Kế hoạch thực hiện của phường Mỹ Tho", "parentPlanId", plan.toString(),
                "recipients", List.of(Map.of("unitId", c1.toString(), "includeSubtree", true))));
        Response implDraft = given().header("Authorization", officer(c1)).contentType(ContentType.JSON).body(implementing)
                .when().post("/api/v1/plans").then().statusCode(201).extract().response();
        given().header("Authorization", officer(c1)).when().post("/api/v1/plans/{id}/publish", implDraft.<String>path("id")).then().statusCode(200);

        // cells record their activities
        activity(DevTokens.bearer("cell-secretary", k1), plan, k1, "STUDY_SESSION", "2026-03-10", 12, 11).statusCode(201)
                .body("attendanceRate", equalTo(0.917f));
        activity(DevTokens.bearer("cell-secretary", k1), plan, k1, "TOPICAL_MEETING", "2026-03-20", 12, 12).statusCode(201);
        activity(DevTokens.bearer("cell-secretary", k1), plan, k1, "TOPICAL_MEETING", "2026-06-20", 12, 10).statusCode(201);
        activity(DevTokens.bearer("cell-secretary", k2), plan, k2, "TOPICAL_MEETING", "2026-06-21", 9, 9).statusCode(201);
        activity(DevTokens.bearer("cell-secretary", k3), plan, k3, "STUDY_SESSION", "2026-03-12", 7, 6).statusCode(201);
        activity(DevTokens.bearer("cell-secretary", k3), plan, k1, "STUDY_SESSION", "2026-03-12", 7, 6).statusCode(403);
        activity(DevTokens.bearer("cell-secretary", k3), plan, k3, "STUDY_SESSION", "2099-03-12", 7, 6).statusCode(400)
                .body("errors.field", hasItem("heldOn"));
        activity(DevTokens.bearer("cell-secretary", k3), plan, k3, "STUDY_SESSION", "2026-03-12", 7, 8).statusCode(400)
                .body("errors.field", hasItem("participantsAttended"));

        given().header("Authorization", provinceOfficer).when().get("/api/v1/plans/{id}/coverage", plan)
                .then().statusCode(200)
                .body("counts.expected", equalTo(3)).body("counts.acknowledged", equalTo(2)).body("counts.implementingPlanIssued", equalTo(1))
                .body("laggards.items.name", org.hamcrest.Matchers.contains("Đảng bộ phường Cao Lãnh", "Đảng bộ xã Cái Bè"))
                .body("laggards.items[0].acknowledgedAt", org.hamcrest.Matchers.notNullValue())
                .body("laggards.items[1].acknowledgedAt", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", officer(c2)).when().get("/api/v1/plans/{id}/coverage", plan)
                .then().statusCode(200).body("counts.expected", equalTo(1)).body("laggards.items.name", org.hamcrest.Matchers.contains("Đảng bộ phường Cao Lãnh"));
        given().header("Authorization", officer(c2)).queryParam("under", c1.toString()).when().get("/api/v1/plans/{id}/coverage", plan)
                .then().statusCode(403);

        given().header("Authorization", provinceOfficer).queryParam("year", 2026)
                .when().get("/api/v1/plans/{id}/tasks/{task}/compliance", plan, taskId)
                .then().statusCode(200).body("minPerYear", equalTo(2)).body("units", equalTo(3)).body("compliant", equalTo(1))
                .body("items.items.find { it.unitId == '" + k1 + "' }.held", equalTo(2));
        given().header("Authorization", officer(c1)).queryParam("kind", "STUDY_SESSION")
                .when().get("/api/v1/plans/{id}/activities", plan)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].unitId", equalTo(k1.toString()));
    }

    @Test
    void amendmentsKeepEveryRevisionAndAPublishedPlanIsNotEditedInPlace() {
        UUID province = OrgTree.root("Tỉnh sửa đổi");
        UUID commune = child(province, "Xã sửa đổi", "PARTY_COMMITTEE");
        String officer = officer(province);
        Map<String, Object> document = provincePlan(province, null, "7-KH/TU", "2026-04-30");
        UUID plan = UUID.fromString(given().header("Authorization", officer).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id"));
        given().header("Authorization", officer).when().post("/api/v1/plans/{id}/publish", plan).then().statusCode(200);

        given().header("Authorization", officer).contentType(ContentType.JSON).body(document)
                .when().put("/api/v1/plans/{id}", plan).then().statusCode(409).contentType(PROBLEM);

        Map<String, Object> amended = provincePlan(province, null, "7-KH/TU", "2026-05-15");
        String etag = given().header("Authorization", officer).when().get("/api/v1/plans/{id}", plan).then().extract().header("ETag");
        given().header("Authorization", officer).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("document", amended, "reason", "Gia hạn đăng ký cam kết"))
                .when().post("/api/v1/plans/{id}/amendments", plan)
                .then().statusCode(200).body("status", equalTo("AMENDED")).body("revision", equalTo(2))
                .body("commitmentWindow.dueOn", equalTo("2026-05-15"));
        given().header("Authorization", officer).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("document", amended, "reason", "lần nữa"))
                .when().post("/api/v1/plans/{id}/amendments", plan).then().statusCode(412);

        given().header("Authorization", officer(commune)).when().get("/api/v1/plans/{id}/revisions", plan)
                .then().statusCode(200).body("revision", org.hamcrest.Matchers.contains(1, 2))
                .body("[0].document.commitmentWindow.dueOn", equalTo("2026-04-30"))
                .body("[1].reason", equalTo("Gia hạn đăng ký cam kết"));

        given().header("Authorization", officer).contentType(ContentType.JSON).body(Map.of("reason", "Thay bằng kế hoạch mới"))
                .when().post("/api/v1/plans/{id}/withdraw", plan).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().header("Authorization", officer(commune)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/plans/{id}/acknowledgements", plan).then().statusCode(409);
        given().header("Authorization", officer).when().post("/api/v1/plans/{id}/publish", plan).then().statusCode(409);
        given().header("Authorization", officer).when().post("/api/v1/plans/{id}/archive", plan).then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        awaitEvent(plan, "plan.withdrawn.v1");
    }

    @Test
    void onlyTheIssuingUnitsOfficersWriteItsPlansAndOthersCannotReadThem() {
        UUID province = OrgTree.root("Tỉnh phạm vi");
        UUID commune = child(province, "Xã phạm vi", "PARTY_COMMITTEE");
        UUID otherProvince = OrgTree.root("Tỉnh khác phạm vi");
        Map<String, Object> document = provincePlan(province, null, "9-KH/TU", "2026-04-30");

        given().header("Authorization", officer(commune)).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/plans").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", DevTokens.bearer("viewer", province)).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/plans").then().statusCode(403);
        UUID plan = UUID.fromString(given().header("Authorization", officer(province)).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id"));

        given().header("Authorization", officer(otherProvince)).when().get("/api/v1/plans/{id}", plan).then().statusCode(404);
        given().header("Authorization", officer(province)).when().post("/api/v1/plans/{id}/publish", plan).then().statusCode(200);
        given().header("Authorization", officer(otherProvince)).when().get("/api/v1/plans/{id}", plan).then().statusCode(403);
        given().header("Authorization", officer(otherProvince)).when().get("/api/v1/plans").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(plan.toString())));
        given().header("Authorization", officer(commune)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/plans/{id}/withdraw", plan).then().statusCode(403);

        // the number is unique per issuing unit and year
        given().header("Authorization", officer(province)).contentType(ContentType.JSON).body(provincePlan(province, null, "9-kh/tu", "2026-04-30"))
                .when().post("/api/v1/plans").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void everyFieldIsValidatedWithAProblemResponse() {
        UUID province = OrgTree.root("Tỉnh kiểm tra");
        UUID otherProvince = OrgTree.root("Tỉnh ngoài");
        String officer = officer(province);

        invalid(officer, with(province, "type", "MEMO"), "type");
        invalid(officer, with(province, "issueDate", "30/04/2026"), "issueDate");
        invalid(officer, with(province, "number", ""), "number");
        invalid(officer, with(province, "title", "x".repeat(1001)), "title");
        invalid(officer, with(province, "commitmentWindow", Map.of("opensOn", "2026-05-01", "dueOn", "2026-04-30")), "commitmentWindow.opensOn");
        invalid(officer, with(province, "commitmentWindow", Map.of("dueOn", "2026-04-30", "minActions", 3, "maxActions", 2)), "commitmentWindow.minActions");
        invalid(officer, with(province, "commitmentWindow", Map.of("dueOn", "2026-04-30", "templates", List.of("FORM_3"))), "commitmentWindow.templates[0]");
        invalid(officer, with(province, "recipients", List.of(Map.of("unitId", otherProvince.toString(), "includeSubtree", true))), "recipients[0].unitId");
        invalid(officer, with(province, "recipients", List.of(Map.of("unitId", UUID.randomUUID().toString()))), "recipients[0].unitId");
        invalid(officer, with(province, "tasks", List.of(Map.of("title", "Họp", "recurrence", Map.of("frequency", "QUARTERLY", "minPerYear", 2)))),
                "tasks[0].recurrence.activityKind");
        invalid(officer, with(province, "attachments", List.of(Map.of("name", "a.pdf", "reference", "javascript:alert(1)"))), "attachments[0].reference");
        invalid(officer, with(province, "reportingDuties", List.of(Map.of("periodType", "WEEK", "daysAfterPeriodEnd", 5))), "reportingDuties[0].periodType");
        invalid(officer, with(province, "topicId", UUID.randomUUID().toString()), "topicId");

        Map<String, Object> noRecipients = with(province, "recipients", List.of());
        UUID draft = UUID.fromString(given().header("Authorization", officer).contentType(ContentType.JSON).body(noRecipients)
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id"));
        given().header("Authorization", officer).when().post("/api/v1/plans/{id}/publish", draft)
                .then().statusCode(400).body("errors.field", hasItem("recipients"));
        given().header("Authorization", officer).queryParam("status", "LIVE").when().get("/api/v1/plans")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void plansAreFoundByNumberOrTitleIgnoringAccents() {
        UUID province = OrgTree.root("Tỉnh tìm kiếm");
        String officer = officer(province);
        Map<String, Object> document = provincePlan(province, null, "66-HD/BTGTU", "2026-04-30");
        document.put("type", "GUIDANCE");
        document.put("title", "Hướng dẫn học tập chuyên đề năm về phong cách nêu gương");
        UUID plan = UUID.fromString(given().header("Authorization", officer).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id"));

        given().header("Authorization", officer).queryParam("q", "huong dan neu guong").when().get("/api/v1/plans")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(plan.toString()));
        given().header("Authorization", officer).queryParam("q", "66-hd").queryParam("type", "GUIDANCE").queryParam("year", 2026)
                .when().get("/api/v1/plans").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(plan.toString()));
        given().header("Authorization", officer).queryParam("q", "66-hd").queryParam("year", 2025)
                .when().get("/api/v1/plans").then().statusCode(200).body("items", hasSize(0));
    }

    private static Map<String, Object> provincePlan(UUID province, UUID topic, String number, String dueOn) {
        Map<String, Object> document = new HashMap<>();
        document.put("type", "PLAN");
        document.put("number", number);
        document.put("issuingUnitId", province.toString());
        document.put("issueDate", "2026-01-15");
        document.put("title", "Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026");
        if (topic != null) {
            document.put("topicId", topic.toString());
        }
        document.put("sections", Map.of("purposes", "Nâng cao nhận thức", "contents", "Học tập chuyên đề năm", "implementation", "Các chi bộ tổ chức"));
        document.put("legalBases", List.of(Map.of("number", "05-CT/TW", "date", "2016-05-15", "title", "Chỉ thị 05")));
        document.put("attachments", List.of(Map.of("name", "ke-hoach.pdf", "reference", "https://portal.example.vn/docs/122.pdf", "mediaType", "application/pdf")));
        document.put("recipients", List.of(Map.of("unitId", province.toString(), "includeSubtree", true, "kinds", List.of("PARTY_COMMITTEE"))));
        document.put("tasks", List.of(
                Map.of("title", "Sinh hoạt chuyên đề hằng quý", "assignedToKinds", List.of("PARTY_CELL"),
                        "recurrence", Map.of("frequency", "QUARTERLY", "minPerYear", 2, "activityKind", "TOPICAL_MEETING")),
                Map.of("title", "Mỗi chi bộ học tập kế hoạch", "assignedToKinds", List.of("PARTY_CELL"), "deadline", "2026-04-30")));
        document.put("commitmentWindow", Map.of("opensOn", "2026-03-01", "dueOn", dueOn, "exemptCategories", List.of("RETIRED")));
        document.put("reportingDuties", List.of(Map.of("periodType", "QUARTER", "daysAfterPeriodEnd", 5),
                Map.of("periodType", "YEAR", "daysAfterPeriodEnd", 15)));
        return document;
    }

    private static Map<String, Object> with(UUID province, String field, Object value) {
        Map<String, Object> document = provincePlan(province, null, "X-" + UUID.randomUUID().toString().substring(0, 6), "2026-04-30");
        document.put(field, value);
        return document;
    }

    private static void invalid(String token, Map<String, Object> document, String field) {
        given().header("Authorization", token).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/plans").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    private static UUID topic(String token, Map<String, Object> body) {
        return UUID.fromString(given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/topics").then().statusCode(201).extract().path("id"));
    }

    private static ValidatableResponse activity(String token, UUID plan, UUID unit, String kind, String heldOn, int expected, int attended) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("unitId", unit.toString(), "kind", kind, "heldOn", heldOn, "participantsExpected", expected,
                        "participantsAttended", attended))
                .when().post("/api/v1/plans/{id}/activities", plan).then();
    }

    private static ConsumerRecord<String, String> awaitEvent(UUID plan, String type) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.readAll(Topics.PLANS).stream()
                        .filter(r -> plan.toString().equals(r.key()) && type.equals(TestTopics.header(r, "ce_type"))).findFirst(),
                        Optional::isPresent).orElseThrow();
    }
}
