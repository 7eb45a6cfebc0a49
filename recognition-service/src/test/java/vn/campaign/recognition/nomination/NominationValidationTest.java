package vn.campaign.recognition.nomination;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.CommitmentEvents;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.recognition.support.Tree;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.create;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.nomination;
import static vn.campaign.recognition.support.Tree.last;
import static vn.campaign.recognition.support.Tree.token;

/** Bad input is a 4xx problem naming the field and changes nothing; every endpoint checks role and subtree. */
@QuarkusTest
class NominationValidationTest {

    private static final String PROBLEM = "application/problem+json";

    private List<UUID> province;
    private List<UUID> commune;
    private List<UUID> otherProvince;
    private UUID member;

    @BeforeEach
    void tree() {
        Tree tree = new Tree();
        province = tree.unit(List.of(), "Đảng bộ tỉnh Vĩnh Long", "PARTY_COMMITTEE");
        commune = tree.unit(province, "Đảng bộ phường Long Châu", "PARTY_COMMITTEE");
        otherProvince = tree.unit(List.of(), "Đảng bộ tỉnh Tây Ninh", "PARTY_COMMITTEE");
        tree.awaitReplica();
        member = UUID.randomUUID();
        CommitmentEvents.member(member, "Huỳnh Văn Lâm", commune, 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", token("unit-officer", commune)).when().get("/api/v1/nominations/nominees/MEMBER/{id}", member)
                        .then().statusCode(200));
    }

    @Test
    void invalidNominationsAreProblemsWithFieldErrorsAndCreateNothing() {
        String officer = token("unit-officer", commune);
        Map<String, Object> missing = new HashMap<>(nomination("MEMBER", member, commune, "CERTIFICATE", List.of()));
        missing.remove("achievements");
        missing.put("year", 1800);
        given().header("Authorization", officer).contentType(ContentType.JSON).body(missing).when().post("/api/v1/nominations")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("achievements")).body("errors.field", hasItem("year"));

        Map<String, Object> badEnum = new HashMap<>(nomination("MEMBER", member, commune, "CERTIFICATE", List.of()));
        badEnum.put("form", "GOLD_MEDAL");
        given().header("Authorization", officer).contentType(ContentType.JSON).body(badEnum).when().post("/api/v1/nominations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("form"));

        given().header("Authorization", officer).contentType(ContentType.JSON).body("{\"nomineeType\": \"MEMBER\", \"year\": \"soon\"")
                .when().post("/api/v1/nominations").then().statusCode(400).contentType(PROBLEM);

        Map<String, Object> control = new HashMap<>(nomination("MEMBER", member, commune, "CERTIFICATE", List.of()));
        control.put("achievements", "tốt\u0000");
        given().header("Authorization", officer).contentType(ContentType.JSON).body(control).when().post("/api/v1/nominations")
                .then().statusCode(400).body("errors[0].field", equalTo("achievements"));

        create(officer, nomination("MEMBER", UUID.randomUUID(), commune, "CERTIFICATE", List.of()))
                .then().statusCode(400).body("errors[0].field", equalTo("nomineeId"));
        create(officer, nomination("COLLECTIVE", last(province), commune, "PROVINCIAL_MERIT", List.of()))
                .then().statusCode(400).body("errors[0].field", equalTo("nomineeId"));
        create(officer, nomination("MEMBER", member, commune, "CERTIFICATE",
                List.of(Map.of("kind", "EVALUATION", "reference", UUID.randomUUID().toString()), Map.of("kind", "NOTE"))))
                .then().statusCode(400).body("errors.field", hasItem("evidence[0].reference")).body("errors.field", hasItem("evidence[1].note"));

        given().header("Authorization", officer).queryParam("unit", last(commune)).when().get("/api/v1/nominations")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void queryParametersAreCheckedAndNamed() {
        String officer = token("unit-officer", commune);
        given().header("Authorization", officer).queryParam("year", "twenty").when().get("/api/v1/nominations")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().header("Authorization", officer).queryParam("status", "DONE").when().get("/api/v1/nominations")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("Authorization", officer).queryParam("updatedSince", "yesterday").when().get("/api/v1/nominations")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        given().header("Authorization", officer).queryParam("updatedSince", "2020-01-01T00:00:00Z").when().get("/api/v1/nominations")
                .then().statusCode(200);
        given().header("Authorization", officer).queryParam("limit", 500).when().get("/api/v1/nominations")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", officer).queryParam("cursor", "garbage!").when().get("/api/v1/nominations")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", officer).queryParam("unit", "nope").when().get("/api/v1/awards")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"));
        given().header("Authorization", officer).when().get("/api/v1/nominations/candidates/members")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"));
        given().header("Authorization", DevTokens.bearer("integration", null)).when().get("/api/v1/public/awards")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"));
    }

    @Test
    void rolesAndSubtreesAreEnforced() {
        Map<String, Object> body = nomination("MEMBER", member, commune, "CERTIFICATE", List.of());
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/nominations").then().statusCode(401);
        create(token("viewer", commune), body).then().statusCode(403).contentType(PROBLEM);
        create(token("member", commune), body).then().statusCode(403);
        create(token("unit-officer", otherProvince), body).then().statusCode(403);
        given().header("Authorization", token("unit-officer", otherProvince)).queryParam("unit", last(commune))
                .when().get("/api/v1/nominations").then().statusCode(403);
        given().header("Authorization", token("unit-officer", otherProvince)).when().get("/api/v1/nominations/nominees/MEMBER/{id}", member)
                .then().statusCode(403);
        given().header("Authorization", token("unit-officer", otherProvince)).contentType(ContentType.JSON).body(Map.of("reason", "DISCIPLINE"))
                .when().put("/api/v1/nominations/nominees/MEMBER/{id}/restriction", member).then().statusCode(403);

        UUID id = create(token("cell-secretary", commune), body).then().statusCode(201).extract().jsonPath().getUUID("id");
        given().header("Authorization", token("unit-officer", otherProvince)).when().get("/api/v1/nominations/{id}", id).then().statusCode(403);
        given().header("Authorization", token("unit-officer", province)).when().get("/api/v1/nominations/{id}", id).then().statusCode(200);
        // members do not read nominations (evidence cites personal commitments); viewers neither
        given().header("Authorization", token("member", commune)).when().get("/api/v1/nominations/{id}", id).then().statusCode(403);
        given().header("Authorization", token("viewer", commune)).when().get("/api/v1/nominations").then().statusCode(403);
        given().header("Authorization", token("unit-officer", otherProvince)).when().post("/api/v1/nominations/{id}/submit", id).then().statusCode(403);
        // the commune's council may not act on a draft, nor anyone review it before submission
        given().header("Authorization", token("commendation-council", commune)).when().post("/api/v1/nominations/{id}/review", id).then().statusCode(409);
        // the province's officers are above the commune, but the nomination is held by the commune
        given().header("Authorization", token("cell-secretary", commune)).when().post("/api/v1/nominations/{id}/submit", id).then().statusCode(200);
        given().header("Authorization", token("unit-officer", province)).when().post("/api/v1/nominations/{id}/review", id).then().statusCode(403);
        given().header("Authorization", token("cell-secretary", commune)).when().post("/api/v1/nominations/{id}/review", id).then().statusCode(403);

        // awards and models
        given().header("Authorization", token("commendation-council", otherProvince)).contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "1/QĐ", "decidedOn", "2026-05-01", "grantingUnitId", last(commune).toString(), "form", "CERTIFICATE",
                        "recipients", List.of(Map.of("nomineeType", "MEMBER", "nomineeId", member.toString(), "achievement", "tốt"))))
                .when().post("/api/v1/awards").then().statusCode(403);
        given().header("Authorization", token("commendation-council", commune)).contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "1/QĐ", "decidedOn", "2026-05-01", "grantingUnitId", last(commune).toString(), "form", "CERTIFICATE"))
                .when().post("/api/v1/awards").then().statusCode(400).body("errors[0].field", equalTo("recipients"));
        given().header("Authorization", token("commendation-council", commune)).contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "1/QĐ", "decidedOn", "2999-05-01", "grantingUnitId", last(commune).toString(), "form", "CERTIFICATE",
                        "recipients", List.of(Map.of("nomineeType", "MEMBER", "nomineeId", member.toString(), "achievement", "tốt"))))
                .when().post("/api/v1/awards").then().statusCode(400).body("errors[0].field", equalTo("decidedOn"));
        given().header("Authorization", token("commendation-council", commune)).contentType(ContentType.JSON)
                .body(Map.of("decisionNumber", "1/QĐ", "decidedOn", "2026-05-01", "grantingUnitId", last(commune).toString(), "form", "CERTIFICATE",
                        "recipients", List.of(Map.of("nomineeType", "MEMBER", "nomineeId", member.toString(), "achievement", "Hoàn thành xuất sắc"))))
                .when().post("/api/v1/awards").then().statusCode(201).body("origin", equalTo("DIRECT"))
                .body("recipients[0].name", equalTo("Huỳnh Văn Lâm"));
        given().header("Authorization", token("unit-officer", otherProvince)).contentType(ContentType.JSON)
                .body(Map.of("name", "Mô hình", "ownerUnitId", last(commune).toString(), "field", "x"))
                .when().post("/api/v1/models").then().statusCode(403);
        given().header("Authorization", token("unit-officer", commune)).contentType(ContentType.JSON)
                .body(Map.of("name", "", "ownerUnitId", last(commune).toString(), "field", "x", "startedOn", "2026-13-01"))
                .when().post("/api/v1/models").then().statusCode(400).contentType(PROBLEM);
    }
}
