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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.campaign.recognition.support.Tree.last;
import static vn.campaign.recognition.support.Tree.token;

/** A praise at a cell meeting, heard from commitment-service, is recorded as PRAISE_AT_MEETING exactly once. */
@QuarkusTest
class PraiseFromMeetingsTest {

    @Test
    void aPraisedCheckInBecomesOneRecordedPraiseEvenWhenDeliveredTwice() {
        Tree tree = new Tree();
        List<UUID> province = tree.unit(List.of(), "Đảng bộ tỉnh An Giang", "PARTY_COMMITTEE");
        List<UUID> commune = tree.unit(province, "Đảng bộ xã Mỹ Hòa Hưng", "PARTY_COMMITTEE");
        List<UUID> cell = tree.unit(commune, "Chi bộ ấp Mỹ Hòa", "PARTY_CELL");
        tree.awaitReplica();
        UUID member = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        CommitmentEvents.member(member, "Võ Thị Hạnh", cell, 0);

        String eventId = UUID.randomUUID().toString();
        UUID checkIn = UUID.randomUUID();
        CommitmentEvents.praised(eventId, commitment, checkIn, member, cell, 2026, "Gương mẫu vận động bà con hiến đất làm đường");
        CommitmentEvents.praised(eventId, commitment, checkIn, member, cell, 2026, "Gương mẫu vận động bà con hiến đất làm đường");
        // a second praise of the same commitment (same key, so same partition): once it is in, the duplicate was handled before it
        UUID laterCheckIn = UUID.randomUUID();
        CommitmentEvents.praised(UUID.randomUUID().toString(), commitment, laterCheckIn, member, cell, 2026, "Hoàn thành vượt chỉ tiêu quý 3");

        String secretary = token("cell-secretary", cell);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", secretary).queryParam("origin", "MEETING_PRAISE")
                        .when().get("/api/v1/awards").then().statusCode(200).body("items", hasSize(2)));
        given().header("Authorization", secretary).queryParam("origin", "MEETING_PRAISE").when().get("/api/v1/awards")
                .then().body("items.form", containsInAnyOrder("PRAISE_AT_MEETING", "PRAISE_AT_MEETING"))
                .body("items.grantingUnitId", containsInAnyOrder(last(cell).toString(), last(cell).toString()))
                .body("items.recipients.flatten().name", containsInAnyOrder("Võ Thị Hạnh", "Võ Thị Hạnh"))
                .body("items.recipients.flatten().achievement", containsInAnyOrder("Gương mẫu vận động bà con hiến đất làm đường", "Hoàn thành vượt chỉ tiêu quý 3"))
                .body("items[0].decisionNumber", equalTo(null));

        // the same praise again under a new event id (a replay by the producer) is still one record
        CommitmentEvents.praised(UUID.randomUUID().toString(), commitment, checkIn, member, cell, 2026, "Gương mẫu vận động bà con hiến đất làm đường");
        UUID marker = UUID.randomUUID();
        CommitmentEvents.praised(UUID.randomUUID().toString(), commitment, marker, member, cell, 2026, "Quý 4");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", secretary).queryParam("origin", "MEETING_PRAISE")
                        .when().get("/api/v1/awards").then().statusCode(200).body("items", hasSize(3)));

        // and each recorded praise is an award.created.v1 on the recognition topic
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TestTopics.readAll(RecognitionEvent.TOPIC);
            long praises = records.stream().filter(r -> RecognitionEvent.AWARD_CREATED.equals(TestTopics.header(r, "ce_type"))
                    && r.value().contains("\"origin\":\"MEETING_PRAISE\"") && r.value().contains(member.toString())).count();
            assertEquals(3, praises);
        });
    }

    @Test
    void aPraiseHeardBeforeTheRosterEntryIsNamedWhenTheMemberArrives() {
        Tree tree = new Tree();
        List<UUID> cell = tree.unit(List.of(), "Chi bộ khóm 2", "PARTY_CELL");
        tree.awaitReplica();
        UUID member = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        CommitmentEvents.praised(UUID.randomUUID().toString(), commitment, UUID.randomUUID(), member, cell, 2026, "Tích cực");
        String secretary = token("cell-secretary", cell);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", secretary).when().get("/api/v1/awards").then().statusCode(200)
                        .body("items[0].recipients[0].name", equalTo("member " + member)));
        CommitmentEvents.member(member, "Ngô Thị Xuân", cell, 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", secretary).when().get("/api/v1/awards").then().statusCode(200)
                        .body("items[0].recipients[0].name", equalTo("Ngô Thị Xuân")));
    }

    @Test
    void aMalformedCommitmentEventIsDeadLetteredAndTheStreamGoesOn() {
        Tree tree = new Tree();
        List<UUID> unit = tree.unit(List.of(), "Đảng bộ tỉnh Cà Mau", "PARTY_COMMITTEE");
        tree.awaitReplica();
        String poisonId = UUID.randomUUID().toString();
        UUID key = UUID.randomUUID();
        var headers = vn.campaign.localinfra.OrgUnitEvents.headers(poisonId, "commitment.praised.v1", key.toString());
        TestTopics.send(CommitmentEvents.TOPIC, key.toString(), "{\"commitmentId\":\"not-a-uuid\"}", headers);
        UUID member = UUID.randomUUID();
        CommitmentEvents.member(member, "Đỗ Văn Tài", unit, 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().header("Authorization", token("unit-officer", unit)).when().get("/api/v1/nominations/nominees/MEMBER/{id}", member)
                    .then().statusCode(200).body("name", equalTo("Đỗ Văn Tài"));
            assertEquals(1, TestTopics.readAll("campaign.dlq.recognition-service.commitments").stream()
                    .filter(r -> poisonId.equals(TestTopics.header(r, "ce_id"))).count());
        });
    }
}
