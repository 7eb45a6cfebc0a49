package vn.campaign.recognition.nomination;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.foundation.recognition.RecognitionEvent;
import vn.campaign.localinfra.CommitmentEvents;
import vn.campaign.localinfra.TestTopics;
import vn.campaign.recognition.support.Tree;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.act;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.create;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.nomination;
import static vn.campaign.recognition.support.Tree.last;
import static vn.campaign.recognition.support.Tree.token;

/** A nomination returned by a unit above goes back to the proposing unit: it holds it again, to edit and resubmit. */
@QuarkusTest
class ReturnToProposerTest {

    @Test
    void aForwardedNominationReturnedByTheCommuneIsHeldByTheProposingCellAgain() {
        Tree tree = new Tree();
        List<UUID> nation = tree.unit(List.of(), "Ban Chấp hành Trung ương", "PARTY_COMMITTEE");
        List<UUID> province = tree.unit(nation, "Đảng bộ tỉnh An Giang", "PARTY_COMMITTEE");
        List<UUID> commune = tree.unit(province, "Đảng bộ xã Mỹ Hòa Hưng", "PARTY_COMMITTEE");
        List<UUID> cell = tree.unit(commune, "Chi bộ ấp Mỹ Hòa", "PARTY_CELL");
        tree.awaitReplica();
        UUID member = UUID.randomUUID();
        CommitmentEvents.member(member, "Đặng Văn Hòa", cell, 0);
        String secretary = token("cell-secretary", cell);
        String cellOfficer = token("unit-officer", cell);
        String communeCouncil = token("commendation-council", commune);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", secretary).when().get("/api/v1/nominations/nominees/MEMBER/{id}", member).then().statusCode(200));

        // proposed by the cell, forwarded to the commune (a cell cannot grant a certificate), returned by the commune
        UUID id = create(secretary, nomination("MEMBER", member, cell, "CERTIFICATE", List.of()))
                .then().statusCode(201).extract().jsonPath().getUUID("id");
        act(secretary, id, "submit").then().statusCode(200);
        act(cellOfficer, id, "review").then().statusCode(200);
        act(cellOfficer, id, "forward").then().statusCode(200).body("currentUnitId", equalTo(last(commune).toString()));
        act(communeCouncil, id, "review").then().statusCode(200);
        act(communeCouncil, id, "return", Map.of("note", "Bổ sung bản tự kiểm điểm")).then().statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("currentUnitId", equalTo(last(cell).toString()))
                // the step still records the unit that returned it
                .body("steps.unitId", contains(last(cell).toString(), last(cell).toString(), last(cell).toString(),
                        last(commune).toString(), last(commune).toString(), last(commune).toString()));

        given().header("Authorization", secretary).queryParam("heldBy", last(cell))
                .when().get("/api/v1/nominations").then().statusCode(200).body("items.id", hasItem(id.toString()));
        given().header("Authorization", communeCouncil).queryParam("heldBy", last(commune))
                .when().get("/api/v1/nominations").then().statusCode(200).body("items.id", not(hasItem(id.toString())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ConsumerRecord<String, String> returned = TestTopics.readAll(RecognitionEvent.TOPIC).stream()
                    .filter(r -> id.toString().equals(r.key()) && RecognitionEvent.NOMINATION_RETURNED.equals(TestTopics.header(r, "ce_type")))
                    .findFirst().orElseThrow();
            assertTrue(returned.value().contains("\"currentUnitId\":\"" + last(cell) + "\""), returned.value());
            assertTrue(returned.value().contains("\"currentUnitPath\":[\"" + last(nation) + "\",\"" + last(province) + "\",\""
                    + last(commune) + "\",\"" + last(cell) + "\"]"), returned.value());
        });

        // the cell resubmits it; it goes through the cell's own review again
        act(secretary, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED")).body("currentUnitId", equalTo(last(cell).toString()));
    }
}
