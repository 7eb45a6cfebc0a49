package vn.campaign.plan.orgtree;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OrgUnitApiTest {

    static String admin() {
        return DevTokens.bearer("admin", null);
    }

    @Test
    void adminCreatesARootUnit() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Đảng bộ tỉnh Đồng Tháp", "kind", "PARTY_COMMITTEE"))
                .when().post("/api/v1/org-units")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("Đảng bộ tỉnh Đồng Tháp"));
    }
}
