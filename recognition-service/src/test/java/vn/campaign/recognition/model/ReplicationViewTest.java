package vn.campaign.recognition.model;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.campaign.recognition.support.Tree;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static vn.campaign.recognition.support.Tree.last;
import static vn.campaign.recognition.support.Tree.token;

/** Replications are visible to everyone who may see the model; who recorded them is not shown. */
@QuarkusTest
class ReplicationViewTest {

    @Test
    void replicationsShowTheUnitAndDateButNotWhoRecordedThem() {
        Tree tree = new Tree();
        List<UUID> province = tree.unit(List.of(), "Đảng bộ tỉnh Sóc Trăng", "PARTY_COMMITTEE");
        List<UUID> owner = tree.unit(province, "Đảng bộ xã Kế Sách", "PARTY_COMMITTEE");
        List<UUID> other = tree.unit(province, "Đảng bộ xã An Lạc Tây", "PARTY_COMMITTEE");
        tree.awaitReplica();

        UUID model = given().header("Authorization", token("unit-officer", owner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Tổ tự quản đường làng " + UUID.randomUUID(), "ownerUnitId", last(owner).toString(),
                        "field", "dân vận", "results", "Đường làng sạch đẹp", "startedOn", "2025-02-01"))
                .when().post("/api/v1/models").then().statusCode(201).extract().jsonPath().getUUID("id");
        given().header("Authorization", token("commendation-council", owner)).contentType(ContentType.JSON).body(Map.of("year", 2026))
                .when().post("/api/v1/models/{id}/recognise", model).then().statusCode(200);
        given().header("Authorization", token("unit-officer", other)).contentType(ContentType.JSON)
                .body(Map.of("unitId", last(other).toString(), "replicatedOn", "2026-03-01", "note", "Áp dụng tại 3 ấp"))
                .when().post("/api/v1/models/{id}/replications", model).then().statusCode(201);

        for (String role : List.of("viewer", "member", "unit-officer")) {
            given().header("Authorization", token(role, other)).when().get("/api/v1/models/{id}/replications", model)
                    .then().statusCode(200)
                    .body("items[0].unitName", equalTo("Đảng bộ xã An Lạc Tây"))
                    .body("items[0].replicatedOn", equalTo("2026-03-01"))
                    .body("items[0]", hasKey("recordedAt"))
                    .body("items[0]", not(hasKey("recordedBy")));
        }
    }
}
