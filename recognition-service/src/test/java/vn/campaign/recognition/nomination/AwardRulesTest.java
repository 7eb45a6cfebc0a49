package vn.campaign.recognition.nomination;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.CommitmentEvents;
import vn.campaign.recognition.support.Tree;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.act;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.award;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.create;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.nomination;
import static vn.campaign.recognition.support.Tree.last;
import static vn.campaign.recognition.support.Tree.token;

/** Awards from approved nominations respect a restriction set since the approval; viewers read no awards (aggregates only). */
@QuarkusTest
class AwardRulesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aNomineeFrozenAfterApprovalIsNotAwardedAndViewersReadNoAwards() {
        Tree tree = new Tree();
        List<UUID> nation = tree.unit(List.of(), "Ban Chấp hành Trung ương", "PARTY_COMMITTEE");
        List<UUID> province = tree.unit(nation, "Đảng bộ tỉnh Trà Vinh", "PARTY_COMMITTEE");
        List<UUID> commune = tree.unit(province, "Đảng bộ xã Long Hiệp", "PARTY_COMMITTEE");
        List<UUID> cell = tree.unit(commune, "Chi bộ ấp Long Thuận", "PARTY_CELL");
        tree.awaitReplica();
        UUID member = UUID.randomUUID();
        CommitmentEvents.member(member, "Thạch Thị Sa Rươl", cell, 0);
        String communeOfficer = token("unit-officer", commune);
        String communeCouncil = token("commendation-council", commune);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", communeOfficer).when().get("/api/v1/nominations/nominees/MEMBER/{id}", member).then().statusCode(200));

        UUID approved = create(communeOfficer, nomination("MEMBER", member, commune, "CERTIFICATE", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        act(communeOfficer, approved, "submit").then().statusCode(200);
        act(communeCouncil, approved, "review").then().statusCode(200);
        act(communeCouncil, approved, "approve").then().statusCode(200);

        // put under discipline after the approval: no award from the nomination until cleared
        given().header("Authorization", communeOfficer).contentType(ContentType.JSON).body(Map.of("reason", "DISCIPLINE"))
                .when().put("/api/v1/nominations/nominees/MEMBER/{id}/restriction", member).then().statusCode(200);
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(award("77/QĐ-UBND", commune, "CERTIFICATE", List.of(approved)))
                .when().post("/api/v1/awards").then().statusCode(409).contentType(PROBLEM);
        given().header("Authorization", communeOfficer).when().get("/api/v1/nominations/{id}", approved)
                .then().statusCode(200).body("awardId", nullValue()).body("frozen", equalTo(true));
        given().header("Authorization", communeOfficer).when().delete("/api/v1/nominations/nominees/MEMBER/{id}/restriction", member)
                .then().statusCode(204);
        UUID awardId = given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(award("77/QĐ-UBND", commune, "CERTIFICATE", List.of(approved)))
                .when().post("/api/v1/awards").then().statusCode(201).extract().jsonPath().getUUID("id");

        // viewers: aggregates only, neither the list nor one award (unpublished, with names and achievements)
        for (List<UUID> unit : List.of(commune, province)) {
            given().header("Authorization", token("viewer", unit)).when().get("/api/v1/awards").then().statusCode(403);
            given().header("Authorization", token("viewer", unit)).queryParam("unit", last(commune)).when().get("/api/v1/awards").then().statusCode(403);
            given().header("Authorization", token("viewer", unit)).when().get("/api/v1/awards/{id}", awardId).then().statusCode(403);
        }
        given().header("Authorization", communeCouncil).when().get("/api/v1/awards/{id}", awardId).then().statusCode(200)
                .body("recipients[0].name", equalTo("Thạch Thị Sa Rươl"));
    }
}
