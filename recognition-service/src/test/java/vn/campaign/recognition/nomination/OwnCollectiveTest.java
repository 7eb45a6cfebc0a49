package vn.campaign.recognition.nomination;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.campaign.recognition.support.Tree;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.act;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.award;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.create;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.nomination;
import static vn.campaign.recognition.support.Tree.last;
import static vn.campaign.recognition.support.Tree.token;

/** A unit's own collective commendation comes from above: a collective nominee lies strictly below the deciding and granting unit. */
@QuarkusTest
class OwnCollectiveTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aCommuneDoesNotCommendItselfButItsParentMay() {
        Tree tree = new Tree();
        List<UUID> nation = tree.unit(List.of(), "Ban Chấp hành Trung ương", "PARTY_COMMITTEE");
        List<UUID> province = tree.unit(nation, "Đảng bộ tỉnh Bến Tre", "PARTY_COMMITTEE");
        List<UUID> commune = tree.unit(province, "Đảng bộ xã Phú Túc", "PARTY_COMMITTEE");
        List<UUID> cell = tree.unit(commune, "Chi bộ ấp Phú Thạnh", "PARTY_CELL");
        tree.awaitReplica();
        String communeOfficer = token("unit-officer", commune);
        String communeCouncil = token("commendation-council", commune);
        String provinceCouncil = token("commendation-council", province);

        // the commune proposes itself for a certificate, which it could grant: its council may not decide, it forwards
        UUID own = create(communeOfficer, nomination("COLLECTIVE", last(commune), commune, "CERTIFICATE", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        act(communeOfficer, own, "submit").then().statusCode(200);
        act(communeCouncil, own, "review").then().statusCode(200);
        act(communeCouncil, own, "approve").then().statusCode(409).contentType(PROBLEM);
        act(communeCouncil, own, "reject", Map.of("note", "x")).then().statusCode(409).contentType(PROBLEM);
        act(communeCouncil, own, "forward").then().statusCode(200).body("currentUnitId", equalTo(last(province).toString()));
        act(provinceCouncil, own, "review").then().statusCode(200);
        act(provinceCouncil, own, "approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().header("Authorization", provinceCouncil).contentType(ContentType.JSON)
                .body(award("301/QĐ-UBND", province, "CERTIFICATE", List.of(own)))
                .when().post("/api/v1/awards").then().statusCode(201).body("recipients[0].name", equalTo("Đảng bộ xã Phú Túc"));

        // a collective strictly below the commune (its cell): the commune decides, nothing to forward
        UUID cellNomination = create(communeOfficer, nomination("COLLECTIVE", last(cell), commune, "CERTIFICATE", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        act(communeOfficer, cellNomination, "submit").then().statusCode(200);
        act(communeCouncil, cellNomination, "review").then().statusCode(200);
        act(communeCouncil, cellNomination, "forward").then().statusCode(409);
        act(communeCouncil, cellNomination, "approve").then().statusCode(200).body("status", equalTo("APPROVED"));

        // direct awards: not to the granting unit itself, but to a unit below it
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(direct("5/QĐ", commune, last(commune)))
                .when().post("/api/v1/awards").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("recipients[0].nomineeId"));
        given().header("Authorization", communeCouncil).contentType(ContentType.JSON)
                .body(direct("6/QĐ", commune, last(cell)))
                .when().post("/api/v1/awards").then().statusCode(201).body("origin", equalTo("DIRECT"));

        // the root proposing itself: nobody above may grant it
        String nationOfficer = token("unit-officer", nation);
        UUID root = create(nationOfficer, nomination("COLLECTIVE", last(nation), nation, "NATIONAL_MERIT", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        act(nationOfficer, root, "submit").then().statusCode(422).contentType(PROBLEM);
    }

    private static Map<String, Object> direct(String number, List<UUID> granting, UUID collective) {
        return Map.of("decisionNumber", number, "decidedOn", "2026-05-01", "grantingUnitId", last(granting).toString(), "form", "CERTIFICATE",
                "recipients", List.of(Map.of("nomineeType", "COLLECTIVE", "nomineeId", collective.toString(), "achievement", "Hoàn thành xuất sắc nhiệm vụ")));
    }
}
