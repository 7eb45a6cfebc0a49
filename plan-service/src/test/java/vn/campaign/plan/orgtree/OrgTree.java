package vn.campaign.plan.orgtree;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.campaign.localinfra.DevTokens;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds trees through the API for the tests. */
public final class OrgTree {

    private OrgTree() {
    }

    public static String admin() {
        return DevTokens.bearer("admin", null);
    }

    public static String officer(UUID unit) {
        return DevTokens.bearer("unit-officer", unit);
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static UUID root(String name) {
        return UUID.fromString(create(admin(), null, uniqueCode("ROOT"), name, "PARTY_COMMITTEE").statusCode(201).extract().path("id"));
    }

    public static UUID child(UUID parent, String name, String kind) {
        return UUID.fromString(create(admin(), parent, uniqueCode("U"), name, kind).statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse create(String token, UUID parent, String code, String name, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("validFrom", "2025-07-01");
        if (parent != null) {
            body.put("parentId", parent.toString());
        }
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/org-units").then();
    }

    public static ValidatableResponse get(String token, UUID id) {
        return given().header("Authorization", token).when().get("/api/v1/org-units/{id}", id).then();
    }
}
