package vn.campaign.plan.orgtree;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Every org-tree endpoint refuses callers outside the subtree and callers without the role, and changes nothing. */
@QuarkusTest
class OrgUnitScopeTest {

    @Test
    void everyEndpointRefusesAnotherSubtree() {
        UUID province = OrgTree.root("Tỉnh được bảo vệ");
        UUID commune = OrgTree.child(province, "Xã được bảo vệ", "PARTY_COMMITTEE");
        UUID cell = OrgTree.child(commune, "Chi bộ được bảo vệ", "PARTY_CELL");
        UUID stranger = OrgTree.root("Tỉnh lạ");
        String outsider = OrgTree.officer(stranger);

        for (Function<RequestSpecification, io.restassured.response.Response> call : calls(province, commune, cell, stranger)) {
            call.apply(given().header("Authorization", outsider)).then().statusCode(403).contentType("application/problem+json");
        }
        OrgTree.get(OrgTree.admin(), cell).statusCode(200).body("name", equalTo("Chi bộ được bảo vệ")).body("parentId", equalTo(commune.toString()));
    }

    @Test
    void writesNeedTheOfficerRole() {
        UUID province = OrgTree.root("Tỉnh vai trò");
        UUID commune = OrgTree.child(province, "Xã vai trò", "PARTY_COMMITTEE");
        UUID cell = OrgTree.child(commune, "Chi bộ vai trò", "PARTY_CELL");
        for (String role : List.of("member", "cell-secretary", "viewer", "commendation-council", "integration")) {
            String token = DevTokens.bearer(role, province);
            List<Function<RequestSpecification, io.restassured.response.Response>> writes = calls(province, commune, cell, province).subList(6, 12);
            for (Function<RequestSpecification, io.restassured.response.Response> call : writes) {
                call.apply(given().header("Authorization", token)).then().statusCode(403);
            }
        }
        OrgTree.get(OrgTree.admin(), commune).statusCode(200).body("name", equalTo("Xã vai trò"));
    }

    /** Six reads, then six writes, each about units of {@code province}'s tree. */
    private static List<Function<RequestSpecification, io.restassured.response.Response>> calls(UUID province, UUID commune, UUID cell, UUID elsewhere) {
        String json = ContentType.JSON.toString();
        return List.of(
                r -> r.get("/api/v1/org-units/{id}", cell),
                r -> r.get("/api/v1/org-units/{id}/children", commune),
                r -> r.get("/api/v1/org-units/{id}/subtree", province),
                r -> r.get("/api/v1/org-units/{id}/ancestors", cell),
                r -> r.queryParam("under", commune.toString()).get("/api/v1/org-units"),
                r -> r.get("/api/v1/org-units/{id}/children", province),
                r -> r.contentType(json).body(Map.of("code", OrgTree.uniqueCode("S"), "name", "Mới", "kind", "OTHER", "parentId", commune.toString()))
                        .post("/api/v1/org-units"),
                r -> r.contentType(json).body(Map.of("name", "Đổi tên")).patch("/api/v1/org-units/{id}", cell),
                r -> r.contentType(json).body(Map.of("parentId", elsewhere.toString())).post("/api/v1/org-units/{id}/move", cell),
                r -> r.contentType(json).body(Map.of()).post("/api/v1/org-units/{id}/close", cell),
                r -> r.contentType(json).body(Map.of("sourceIds", List.of(cell.toString()), "successorId", commune.toString(),
                        "effectiveDate", "2025-08-01")).post("/api/v1/org-units/merges"),
                r -> r.contentType("text/csv").body("code,name,kind,parentCode\n" + OrgTree.uniqueCode("S") + ",Lạ,OTHER,"
                        + OrgTree.get(OrgTree.admin(), commune).extract().path("code") + "\n").post("/api/v1/org-units/import"));
    }
}
