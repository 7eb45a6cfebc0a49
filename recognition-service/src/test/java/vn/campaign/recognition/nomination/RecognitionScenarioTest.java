package vn.campaign.recognition.nomination;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.foundation.recognition.RecognitionEvent;
import vn.campaign.localinfra.CommitmentEvents;
import vn.campaign.localinfra.TestTopics;
import vn.campaign.recognition.support.Tree;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.campaign.recognition.support.Tree.last;
import static vn.campaign.recognition.support.Tree.token;

/**
 * A commune's commendation year: nominations decided at the commune, forwarded to the province and
 * to the national level; a rejection, a return and resubmission, a duplicate, a frozen nominee;
 * awards and the public feed; a model recognised and replicated by three other communes.
 */
@QuarkusTest
class RecognitionScenarioTest {

    private static final int YEAR = 2026;
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aCommuneCommendationYearFromNominationsToThePublicFeed() {
        Tree tree = new Tree();
        List<UUID> nation = tree.unit(List.of(), "Ban Chấp hành Trung ương", "PARTY_COMMITTEE");
        List<UUID> province = tree.unit(nation, "Đảng bộ tỉnh Đồng Tháp", "PARTY_COMMITTEE");
        List<UUID> commune = tree.unit(province, "Đảng bộ xã Mỹ Hiệp", "PARTY_COMMITTEE");
        List<UUID> cell = tree.unit(commune, "Chi bộ ấp 1", "PARTY_CELL");
        List<UUID> c2 = tree.unit(province, "Đảng bộ xã Bình Hàng Trung", "PARTY_COMMITTEE");
        List<UUID> c3 = tree.unit(province, "Đảng bộ xã Mỹ Thọ", "PARTY_COMMITTEE");
        List<UUID> c4 = tree.unit(province, "Đảng bộ phường Cao Lãnh", "PARTY_COMMITTEE");
        tree.awaitReplica();

        UUID an = UUID.randomUUID();
        UUID binh = UUID.randomUUID();
        UUID cuong = UUID.randomUUID();
        UUID dung = UUID.randomUUID();
        UUID anCommitment = UUID.randomUUID();
        CommitmentEvents.member(an, "Nguyễn Văn An", cell, 0);
        CommitmentEvents.member(binh, "Trần Thị Bình", cell, 0);
        CommitmentEvents.member(cuong, "Lê Văn Cường", cell, 0);
        CommitmentEvents.member(dung, "Phạm Thị Dung", cell, 0);
        CommitmentEvents.evaluated(anCommitment, an, cell, YEAR, 95);
        CommitmentEvents.evaluated(UUID.randomUUID(), binh, cell, YEAR, 80);
        UUID anCheckIn = UUID.randomUUID();
        CommitmentEvents.checkedIn(anCommitment, anCheckIn, an, cell, YEAR, YEAR + "Q2", 100);

        String communeOfficer = token("unit-officer", commune);
        String communeCouncil = token("commendation-council", commune);
        String provinceOfficer = token("unit-officer", province);
        String provinceCouncil = token("commendation-council", province);
        String nationalCouncil = token("commendation-council", nation);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().header("Authorization", communeOfficer).when().get("/api/v1/nominations/nominees/MEMBER/{id}", an)
                    .then().statusCode(200).body("name", equalTo("Nguyễn Văn An")).body("commitments[0].rating", equalTo("EXCELLENT"))
                    .body("checkIns[0].checkInId", equalTo(anCheckIn.toString()));
            for (UUID member : List.of(binh, cuong, dung)) {
                given().header("Authorization", communeOfficer).when().get("/api/v1/nominations/nominees/MEMBER/{id}", member).then().statusCode(200);
            }
        });

        // candidates: only the member rated EXCELLENT
        given().header("Authorization", communeOfficer).queryParam("unit", last(commune)).queryParam("year", YEAR)
                .when().get("/api/v1/nominations/candidates/members")
                .then().statusCode(200).body("items.fullName", contains("Nguyễn Văn An")).body("items[0].score", equalTo(95));

        // 1. a member for a certificate, decided at the commune
        UUID certificate = create(communeOfficer, nomination("MEMBER", an, commune, "CERTIFICATE",
                List.of(Map.of("kind", "EVALUATION", "reference", anCommitment.toString()),
                        Map.of("kind", "CHECK_IN", "reference", anCheckIn.toString(), "note", "Hoàn thành 100% việc làm cụ thể"))))
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("nomineeName", equalTo("Nguyễn Văn An"))
                .body("evidence[0].summary", equalTo("evaluated EXCELLENT (95/100) in 2026"))
                .body("evidence[1].summary", equalTo("check-in 2026Q2 2026: 100%"))
                .extract().jsonPath().getUUID("id");
        act(communeOfficer, certificate, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        act(communeCouncil, certificate, "review").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        act(communeOfficer, certificate, "forward").then().statusCode(409).contentType(PROBLEM);
        act(communeOfficer, certificate, "approve").then().statusCode(403);
        act(communeCouncil, certificate, "approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("currentUnitId", equalTo(last(commune).toString()))
                .body("steps.toStatus", contains("DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED"));

        // 2. a collective for provincial merit: forwarded once, decided by the province council
        UUID provincial = create(communeOfficer, nomination("COLLECTIVE", last(cell), commune, "PROVINCIAL_MERIT", List.of()))
                .then().statusCode(201).body("nomineeName", equalTo("Chi bộ ấp 1")).extract().jsonPath().getUUID("id");
        act(communeOfficer, provincial, "submit").then().statusCode(200);
        act(communeOfficer, provincial, "review").then().statusCode(200);
        act(communeCouncil, provincial, "approve").then().statusCode(409).contentType(PROBLEM);
        act(communeOfficer, provincial, "forward").then().statusCode(200).body("status", equalTo("FORWARDED"))
                .body("currentUnitId", equalTo(last(province).toString()));
        act(communeCouncil, provincial, "review").then().statusCode(403);
        act(provinceOfficer, provincial, "review").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        act(provinceCouncil, provincial, "approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("steps.toStatus", contains("DRAFT", "SUBMITTED", "UNDER_REVIEW", "FORWARDED", "UNDER_REVIEW", "APPROVED"))
                .body("steps.unitId", hasItem(last(province).toString()));

        // 3. a collective for national merit: forwarded twice
        UUID national = create(communeOfficer, nomination("COLLECTIVE", last(commune), commune, "NATIONAL_MERIT", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        act(communeOfficer, national, "submit").then().statusCode(200);
        act(communeCouncil, national, "review").then().statusCode(200);
        act(communeCouncil, national, "forward").then().statusCode(200).body("currentUnitId", equalTo(last(province).toString()));
        act(provinceCouncil, national, "review").then().statusCode(200);
        act(provinceCouncil, national, "approve").then().statusCode(409);
        act(provinceCouncil, national, "forward").then().statusCode(200).body("currentUnitId", equalTo(last(nation).toString()));
        act(nationalCouncil, national, "review").then().statusCode(200);
        act(nationalCouncil, national, "approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("steps.findAll { it.toStatus == 'FORWARDED' }", hasSize(2));

        // 4. rejected
        UUID rejected = create(communeOfficer, nomination("MEMBER", binh, commune, "CERTIFICATE", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        // a duplicate: one open nomination per nominee, form and year
        create(communeOfficer, nomination("MEMBER", binh, commune, "CERTIFICATE", List.of()))
                .then().statusCode(409).contentType(PROBLEM);
        act(communeOfficer, rejected, "submit").then().statusCode(200);
        act(communeCouncil, rejected, "review").then().statusCode(200);
        act(communeCouncil, rejected, "reject", Map.of("note", "Chưa đủ thành tích")).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionNote", equalTo("Chưa đủ thành tích"));
        act(communeCouncil, rejected, "approve").then().statusCode(409);

        // 5. returned, corrected and resubmitted
        UUID returned = create(communeOfficer, nomination("MEMBER", cuong, commune, "CERTIFICATE", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        act(communeOfficer, returned, "submit").then().statusCode(200);
        act(communeCouncil, returned, "review").then().statusCode(200);
        act(communeCouncil, returned, "return", Map.of()).then().statusCode(400).contentType(PROBLEM);
        Response back = act(communeCouncil, returned, "return", Map.of("note", "Bổ sung minh chứng"));
        back.then().statusCode(200).body("status", equalTo("RETURNED"));
        Map<String, Object> corrected = nomination("MEMBER", cuong, commune, "CERTIFICATE",
                List.of(Map.of("kind", "DOCUMENT", "note", "Biên bản họp chi bộ tháng 6")));
        given().header("Authorization", communeOfficer).header("If-Match", "\"999\"").contentType(ContentType.JSON).body(corrected)
                .when().put("/api/v1/nominations/{id}", returned).then().statusCode(412);
        given().header("Authorization", communeOfficer).header("If-Match", back.header("ETag")).contentType(ContentType.JSON).body(corrected)
                .when().put("/api/v1/nominations/{id}", returned).then().statusCode(200).body("evidence", hasSize(1));
        act(communeOfficer, returned, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        act(communeCouncil, returned, "review").then().statusCode(200);
        act(communeCouncil, returned, "approve").then().statusCode(200)
                .body("steps.toStatus", contains("DRAFT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "SUBMITTED", "UNDER_REVIEW", "APPROVED"));

        // 6. a nominee under discipline freezes the nomination
        UUID frozen = create(communeOfficer, nomination("MEMBER", dung, commune, "CERTIFICATE", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        given().header("Authorization", token("unit-officer", cell)).contentType(ContentType.JSON).body(Map.of("reason", "DISCIPLINE"))
                .when().put("/api/v1/nominations/nominees/MEMBER/{id}/restriction", dung).then().statusCode(403);
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON).body(Map.of("reason", "DISCIPLINE"))
                .when().put("/api/v1/nominations/nominees/MEMBER/{id}/restriction", dung).then().statusCode(403);
        given().header("Authorization", communeOfficer).contentType(ContentType.JSON).body(Map.of("reason", "INSPECTION"))
                .when().put("/api/v1/nominations/nominees/MEMBER/{id}/restriction", dung).then().statusCode(200).body("reason", equalTo("INSPECTION"));
        act(communeOfficer, frozen, "submit").then().statusCode(409).contentType(PROBLEM);
        given().header("Authorization", communeOfficer).when().get("/api/v1/nominations/{id}", frozen)
                .then().statusCode(200).body("frozen", equalTo(true)).body("status", equalTo("DRAFT"));
        create(communeOfficer, nomination("MEMBER", dung, commune, "PROVINCIAL_MERIT", List.of())).then().statusCode(409);
        given().header("Authorization", provinceOfficer).when().delete("/api/v1/nominations/nominees/MEMBER/{id}/restriction", dung)
                .then().statusCode(204);
        act(communeOfficer, frozen, "submit").then().statusCode(200).body("frozen", equalTo(false));

        // the commune's list, page by page in a stable order
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", communeOfficer).queryParam("unit", last(commune)).queryParam("year", YEAR).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/nominations").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(certificate, provincial, national, rejected, returned, frozen).stream().map(UUID::toString).toList(), seen);
        given().header("Authorization", communeOfficer).queryParam("unit", last(commune)).queryParam("status", "APPROVED")
                .when().get("/api/v1/nominations").then().statusCode(200).body("items", hasSize(4));
        given().header("Authorization", provinceOfficer).queryParam("heldBy", last(province)).queryParam("status", "APPROVED")
                .when().get("/api/v1/nominations").then().statusCode(200).body("items.id", contains(provincial.toString()));

        // awards: the commune's certificate decision lists two approved nominations
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(award("45/QĐ-UBND", commune, "PROVINCIAL_MERIT", List.of(provincial)))
                .when().post("/api/v1/awards").then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(award("12/QĐ-UBND", commune, "CERTIFICATE", List.of(rejected)))
                .when().post("/api/v1/awards").then().statusCode(400).body("errors[0].field", equalTo("nominationIds[0]"));
        UUID communeAward = given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(award("12/QĐ-UBND", commune, "CERTIFICATE", List.of(certificate, returned)))
                .when().post("/api/v1/awards").then().statusCode(201).body("origin", equalTo("NOMINATION"))
                .body("recipients.name", containsInAnyOrder("Nguyễn Văn An", "Lê Văn Cường")).body("published", equalTo(false))
                .extract().jsonPath().getUUID("id");
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(award("13/QĐ-UBND", commune, "CERTIFICATE", List.of(certificate)))
                .when().post("/api/v1/awards").then().statusCode(400);
        given().header("Authorization", communeOfficer).when().get("/api/v1/nominations/{id}", certificate)
                .then().body("awardId", equalTo(communeAward.toString()));
        UUID provinceAward = given().header("Authorization", provinceCouncil).contentType(ContentType.JSON)
                .body(award("2100/QĐ-UBND", province, "PROVINCIAL_MERIT", List.of(provincial)))
                .when().post("/api/v1/awards").then().statusCode(201).extract().jsonPath().getUUID("id");
        UUID nationalAward = given().header("Authorization", nationalCouncil).contentType(ContentType.JSON)
                .body(award("88/QĐ-TTg", nation, "NATIONAL_MERIT", List.of(national)))
                .when().post("/api/v1/awards").then().statusCode(201).extract().jsonPath().getUUID("id");
        given().header("Authorization", provinceCouncil).when().post("/api/v1/awards/{id}/publish", communeAward).then().statusCode(403);
        given().header("Authorization", communeCouncil).when().post("/api/v1/awards/{id}/publish", communeAward)
                .then().statusCode(200).body("published", equalTo(true));
        given().header("Authorization", nationalCouncil).when().post("/api/v1/awards/{id}/publish", nationalAward).then().statusCode(200);

        // a model recognised and replicated by three other communes
        UUID model = given().header("Authorization", communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("name", "Dân vận khéo: đường quê sáng - xanh - sạch", "ownerUnitId", last(commune).toString(),
                        "field", "dân vận", "results", "12 km đường hoa do dân tự làm", "startedOn", "2025-01-15"))
                .when().post("/api/v1/models").then().statusCode(201).body("status", equalTo("PROPOSED")).extract().jsonPath().getUUID("id");
        given().header("Authorization", token("unit-officer", c2)).contentType(ContentType.JSON)
                .body(Map.of("unitId", last(c2).toString(), "replicatedOn", "2026-03-01"))
                .when().post("/api/v1/models/{id}/replications", model).then().statusCode(409);
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON).body(Map.of("year", YEAR))
                .when().post("/api/v1/models/{id}/recognise", model).then().statusCode(200)
                .body("status", equalTo("RECOGNISED")).body("recognisedYear", equalTo(YEAR));
        for (List<UUID> other : List.of(c2, c3, c4)) {
            given().header("Authorization", token("unit-officer", other)).contentType(ContentType.JSON)
                    .body(Map.of("unitId", last(other).toString(), "replicatedOn", "2026-03-01", "note", "Áp dụng tại địa phương"))
                    .when().post("/api/v1/models/{id}/replications", model).then().statusCode(201);
        }
        given().header("Authorization", token("unit-officer", c2)).contentType(ContentType.JSON)
                .body(Map.of("unitId", last(c2).toString(), "replicatedOn", "2026-03-01"))
                .when().post("/api/v1/models/{id}/replications", model).then().statusCode(409);
        given().header("Authorization", token("unit-officer", c2)).contentType(ContentType.JSON)
                .body(Map.of("unitId", last(c3).toString(), "replicatedOn", "2026-03-01"))
                .when().post("/api/v1/models/{id}/replications", model).then().statusCode(403);
        given().header("Authorization", communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("unitId", last(commune).toString(), "replicatedOn", "2026-03-01"))
                .when().post("/api/v1/models/{id}/replications", model).then().statusCode(400);
        given().header("Authorization", communeOfficer).when().get("/api/v1/models/{id}", model)
                .then().statusCode(200).body("replicationCount", equalTo(3));
        given().header("Authorization", communeOfficer).when().get("/api/v1/models/{id}/replications", model)
                .then().statusCode(200).body("items.unitName", containsInAnyOrder("Đảng bộ xã Bình Hàng Trung", "Đảng bộ xã Mỹ Thọ", "Đảng bộ phường Cao Lãnh"));
        given().header("Authorization", token("viewer", c3)).queryParam("q", "DAN VAN KHEO duong que")
                .when().get("/api/v1/models").then().statusCode(200).body("items.id", hasItem(model.toString()));
        given().header("Authorization", provinceOfficer).queryParam("unit", last(province)).queryParam("year", YEAR)
                .when().get("/api/v1/nominations/candidates/models")
                .then().statusCode(200).body("items.modelId", contains(model.toString())).body("items[0].replicationCount", equalTo(3));

        // the public feed shows only what was published: name, unit and achievement
        String portal = token("integration", nation);
        Response feed = given().header("Authorization", portal).queryParam("unit", last(nation)).queryParam("year", YEAR)
                .when().get("/api/v1/public/awards");
        feed.then().statusCode(200).body("items", hasSize(2))
                .body("items.form", containsInAnyOrder("CERTIFICATE", "NATIONAL_MERIT"))
                .body("items.find { it.form == 'CERTIFICATE' }.recipients.name", containsInAnyOrder("Nguyễn Văn An", "Lê Văn Cường"))
                .body("items.find { it.form == 'CERTIFICATE' }.recipients[0].unit", equalTo("Chi bộ ấp 1"))
                .body("items.find { it.form == 'NATIONAL_MERIT' }.recipients[0].name", equalTo("Đảng bộ xã Mỹ Hiệp"))
                .body("items[0].recipients[0].nomineeId", nullValue())
                .body("items.grantingUnit", not(hasItem("Đảng bộ tỉnh Đồng Tháp")));
        String etag = feed.header("ETag");
        given().header("Authorization", portal).header("If-None-Match", etag).queryParam("unit", last(nation)).queryParam("year", YEAR)
                .when().get("/api/v1/public/awards").then().statusCode(304);
        given().header("Authorization", provinceCouncil).when().post("/api/v1/awards/{id}/publish", provinceAward).then().statusCode(200);
        given().header("Authorization", portal).header("If-None-Match", etag).queryParam("unit", last(nation)).queryParam("year", YEAR)
                .when().get("/api/v1/public/awards").then().statusCode(200).body("items", hasSize(3));
        given().header("Authorization", portal).queryParam("unit", last(province))
                .when().get("/api/v1/public/models").then().statusCode(200)
                .body("items.name", contains("Dân vận khéo: đường quê sáng - xanh - sạch"))
                .body("items[0].unit", equalTo("Đảng bộ xã Mỹ Hiệp")).body("items[0].replicationCount", equalTo(3));
        given().header("Authorization", token("integration", c2)).queryParam("unit", last(province))
                .when().get("/api/v1/public/awards").then().statusCode(403);
        given().header("Authorization", communeOfficer).queryParam("unit", last(commune))
                .when().get("/api/v1/public/awards").then().statusCode(403);

        // every transition, award and model change is on campaign.recognition.v1
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TestTopics.readAll(RecognitionEvent.TOPIC);
            List<String> nationalTypes = types(records, national);
            assertEquals(List.of(RecognitionEvent.NOMINATION_CREATED, RecognitionEvent.NOMINATION_SUBMITTED,
                    RecognitionEvent.NOMINATION_UNDER_REVIEW, RecognitionEvent.NOMINATION_FORWARDED, RecognitionEvent.NOMINATION_UNDER_REVIEW,
                    RecognitionEvent.NOMINATION_FORWARDED, RecognitionEvent.NOMINATION_UNDER_REVIEW, RecognitionEvent.NOMINATION_APPROVED), nationalTypes);
            assertEquals(List.of(RecognitionEvent.AWARD_CREATED, RecognitionEvent.AWARD_PUBLISHED), types(records, communeAward));
            assertEquals(List.of(RecognitionEvent.MODEL_REGISTERED, RecognitionEvent.MODEL_RECOGNISED, RecognitionEvent.MODEL_REPLICATED,
                    RecognitionEvent.MODEL_REPLICATED, RecognitionEvent.MODEL_REPLICATED), types(records, model));
            // discipline and inspection stay inside recognition-service: nothing is published about the nominee's restriction
            assertEquals(List.of(), types(records, dung));
            ConsumerRecord<String, String> approved = records.stream()
                    .filter(r -> r.key().equals(national.toString()) && RecognitionEvent.NOMINATION_APPROVED.equals(TestTopics.header(r, "ce_type")))
                    .findFirst().orElseThrow();
            assertTrue(approved.value().contains("\"currentUnitId\":\"" + last(nation) + "\""), approved.value());
            assertTrue(approved.value().contains("\"unitPath\":[\"" + last(nation) + "\",\"" + last(province) + "\",\"" + last(commune) + "\"]"), approved.value());
            assertEquals("/recognition-service", TestTopics.header(approved, "ce_source"));
        });
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records, UUID key) {
        return records.stream().filter(r -> key.toString().equals(r.key())).map(r -> TestTopics.header(r, "ce_type")).toList();
    }

    static Map<String, Object> nomination(String type, UUID nominee, List<UUID> proposing, String form, List<Map<String, String>> evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("nomineeType", type);
        body.put("nomineeId", nominee.toString());
        body.put("proposingUnitId", last(proposing).toString());
        body.put("year", YEAR);
        body.put("achievements", "Hoàn thành xuất sắc nhiệm vụ năm " + YEAR + ", tiêu biểu trong học tập và làm theo Bác");
        body.put("evidence", evidence);
        body.put("form", form);
        body.put("kind", "REGULAR");
        return body;
    }

    static Map<String, Object> award(String number, List<UUID> granting, String form, List<UUID> nominations) {
        return Map.of("decisionNumber", number, "decidedOn", YEAR + "-10-20", "grantingUnitId", last(granting).toString(),
                "form", form, "nominationIds", nominations.stream().map(UUID::toString).toList());
    }

    static Response create(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().post("/api/v1/nominations");
    }

    static Response act(String token, UUID nomination, String action) {
        return act(token, nomination, action, Map.of());
    }

    static Response act(String token, UUID nomination, String action, Map<String, String> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/nominations/{id}/" + action, nomination);
    }
}
