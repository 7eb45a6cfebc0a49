package vn.campaign.reporting.figures;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.localinfra.OrgUnitEvents;
import vn.campaign.localinfra.TestTopics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Dropping the figures and replaying the topics gives exactly the live figures. */
@QuarkusTest
class RebuildTest {

    @Test
    void aRebuildFromTheTopicsEqualsTheLiveFigures() {
        UUID p = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID k = UUID.randomUUID();
        OrgUnitEvents.send(p, "P-" + p, "Đảng bộ tỉnh Bến Tre cũ", "PARTY_COMMITTEE", List.of(p), 0);
        OrgUnitEvents.send(c, "C-" + c, "Đảng bộ xã An Hội", "PARTY_COMMITTEE", List.of(p, c), 0);
        OrgUnitEvents.send(k, "K-" + k, "Chi bộ ấp An Thạnh", "PARTY_CELL", List.of(p, c, k), 0);
        for (int i = 0; i < 5; i++) {
            UUID activity = UUID.randomUUID();
            String payload = "{\"planId\":\"" + UUID.randomUUID() + "\",\"activityId\":\"" + activity + "\",\"year\":2026,\"unitId\":\"" + k
                    + "\",\"unitPath\":[\"" + p + "\",\"" + c + "\",\"" + k + "\"],\"kind\":\"TOPICAL_MEETING\",\"heldOn\":\"2026-0" + (i + 1)
                    + "-15\",\"participantsExpected\":10,\"participantsAttended\":" + (5 + i) + "}";
            TestTopics.send("campaign.plans.v1", activity.toString(), payload,
                    OrgUnitEvents.headers(UUID.randomUUID().toString(), "plan.activity-recorded.v1", activity.toString()));
        }
        String viewer = DevTokens.bearer("viewer", p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p).then().statusCode(200)
                .body("figures.'activities.TOPICAL_MEETING'", equalTo(5)).body("figures.'attendance.attended'", equalTo(35)));
        Map<String, Object> live = given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p).then().extract().path("figures");
        Map<String, Object> liveQ2 = given().header("Authorization", viewer).queryParam("period", "2026Q2")
                .when().get("/api/v1/dashboards/units/{id}", c).then().extract().path("figures");

        given().header("Authorization", viewer).when().post("/api/v1/dashboards/rebuild").then().statusCode(403);
        String admin = DevTokens.bearer("admin", null);
        given().header("Authorization", admin).when().post("/api/v1/dashboards/rebuild").then().statusCode(202)
                .body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", admin)
                .when().get("/api/v1/dashboards/rebuild").then().statusCode(200).body("state", equalTo("DONE")));

        assertEquals(live, given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p).then().statusCode(200).extract().path("figures"));
        assertEquals(liveQ2, given().header("Authorization", viewer).queryParam("period", "2026Q2")
                .when().get("/api/v1/dashboards/units/{id}", c).then().extract().path("figures"));
        assertFalse(live.isEmpty());
    }
}
