package vn.campaign.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.localinfra.OrgUnitEvents;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** reporting-service keeps its replica of the organisation tree from the topic (the mechanics are tested in commitment-service). */
@QuarkusTest
class OrgReplicaTest {

    @Test
    void theReplicaFollowsTheTopicAndScopesReads() {
        UUID province = UUID.randomUUID();
        UUID ward = UUID.randomUUID();
        OrgUnitEvents.send(province, "P-" + province, "Đảng bộ tỉnh Lâm Đồng", "PARTY_COMMITTEE", List.of(province), 0);
        OrgUnitEvents.send(ward, "W-" + ward, "Đảng bộ phường Xuân Hương", "PARTY_COMMITTEE", List.of(province, ward), 0);
        OrgUnitEvents.send(ward, "W-" + ward, "Đảng bộ phường Xuân Hương - Đà Lạt", "PARTY_COMMITTEE", List.of(province, ward), 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", DevTokens.bearer("viewer", province))
                        .when().get("/internal/org-units/{id}", ward)
                        .then().statusCode(200).body("name", equalTo("Đảng bộ phường Xuân Hương - Đà Lạt")).body("version", equalTo(1)));
        given().header("Authorization", DevTokens.bearer("viewer", ward))
                .when().get("/internal/org-units/{id}", province).then().statusCode(403);
    }
}
