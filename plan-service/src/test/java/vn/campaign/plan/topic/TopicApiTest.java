package vn.campaign.plan.topic;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.plan.orgtree.OrgTree;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TopicApiTest {

    @Test
    void anAnnualTopicBelongsToATermTopicAndIsListedByYearAlongTheLine() {
        UUID province = OrgTree.root("Tỉnh chuyên đề");
        UUID commune = OrgTree.child(province, "Xã chuyên đề", "PARTY_COMMITTEE");
        UUID otherProvince = OrgTree.root("Tỉnh khác chuyên đề");
        String officer = OrgTree.officer(province);

        String term = post(officer, topic("TERM", "Toàn khóa 2025-2030", 2025, 2030, null, province)).statusCode(201)
                .body("kind", equalTo("TERM")).extract().path("id");
        String annual = post(officer, topic("ANNUAL", "Năm 2026: nêu gương", 2026, 2026, term, province)).statusCode(201).extract().path("id");

        given().header("Authorization", OrgTree.officer(commune)).queryParam("year", 2026).when().get("/api/v1/topics")
                .then().statusCode(200).body("items.id", hasItem(annual)).body("items.id", hasItem(term));
        given().header("Authorization", OrgTree.officer(commune)).queryParam("year", 2031).when().get("/api/v1/topics")
                .then().statusCode(200).body("items.id", not(hasItem(term)));
        given().header("Authorization", OrgTree.officer(otherProvince)).when().get("/api/v1/topics")
                .then().statusCode(200).body("items.id", not(hasItem(term)));
        given().header("Authorization", OrgTree.officer(otherProvince)).when().get("/api/v1/topics/{id}", term).then().statusCode(403);

        given().header("Authorization", officer).when().delete("/api/v1/topics/{id}", term).then().statusCode(409);
        String etag = given().header("Authorization", officer).when().get("/api/v1/topics/{id}", annual).then().extract().header("ETag");
        given().header("Authorization", officer).header("If-Match", etag).contentType(ContentType.JSON)
                .body(topic("ANNUAL", "Năm 2026: nêu gương, kỷ cương", 2026, 2026, term, province))
                .when().put("/api/v1/topics/{id}", annual).then().statusCode(200).body("title", equalTo("Năm 2026: nêu gương, kỷ cương"));
        given().header("Authorization", officer).header("If-Match", etag).when().delete("/api/v1/topics/{id}", annual).then().statusCode(412);
        given().header("Authorization", officer).when().delete("/api/v1/topics/{id}", annual).then().statusCode(204);
    }

    @Test
    void topicRulesAreEnforced() {
        UUID province = OrgTree.root("Tỉnh quy tắc");
        UUID commune = OrgTree.child(province, "Xã quy tắc", "PARTY_COMMITTEE");
        String officer = OrgTree.officer(province);
        String term = post(officer, topic("TERM", "Toàn khóa", 2025, 2030, null, province)).statusCode(201).extract().path("id");

        post(officer, topic("ANNUAL", "Không có cha", 2026, 2026, null, province)).statusCode(400).body("errors.field", hasItem("parentTopicId"));
        post(officer, topic("ANNUAL", "Ngoài nhiệm kỳ", 2031, 2031, term, province)).statusCode(400).body("errors.field", hasItem("startYear"));
        post(officer, topic("ANNUAL", "Hai năm", 2026, 2027, term, province)).statusCode(400).body("errors.field", hasItem("endYear"));
        post(officer, topic("TERM", "Ngược", 2030, 2025, null, province)).statusCode(400).body("errors.field", hasItem("endYear"));
        post(officer, topic("TERM", "Năm lạ", 1800, 2025, null, province)).statusCode(400).body("errors.field", hasItem("startYear"));
        post(officer, topic("SEASONAL", "Loại lạ", 2025, 2025, null, province)).statusCode(400).body("errors.field", hasItem("kind"));
        // a commune officer does not choose the province's topics, and a viewer chooses none
        post(OrgTree.officer(commune), topic("TERM", "Của tỉnh", 2025, 2030, null, province)).statusCode(403);
        post(DevTokens.bearer("viewer", province), topic("TERM", "Người xem", 2025, 2030, null, province)).statusCode(403);
        given().header("Authorization", officer).queryParam("year", "năm nay").when().get("/api/v1/topics")
                .then().statusCode(400).body("errors.field", hasItem("year"));
    }

    private static Map<String, Object> topic(String kind, String title, int start, int end, String parent, UUID owner) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "title", title, "startYear", start, "endYear", end,
                "ownerUnitId", owner.toString()));
        if (parent != null) {
            body.put("parentTopicId", parent);
        }
        return body;
    }

    private static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().post("/api/v1/topics").then();
    }
}
