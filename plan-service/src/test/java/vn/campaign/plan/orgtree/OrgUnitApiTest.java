package vn.campaign.plan.orgtree;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.campaign.plan.orgtree.OrgTree.admin;
import static vn.campaign.plan.orgtree.OrgTree.child;
import static vn.campaign.plan.orgtree.OrgTree.create;
import static vn.campaign.plan.orgtree.OrgTree.officer;
import static vn.campaign.plan.orgtree.OrgTree.root;
import static vn.campaign.plan.orgtree.OrgTree.uniqueCode;

@QuarkusTest
class OrgUnitApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void adminCreatesARootUnitWithLocationETagAndAudit() {
        String code = uniqueCode("DT");
        Response created = create(admin(), null, code, "Đảng bộ tỉnh Đồng Tháp", "PARTY_COMMITTEE")
                .statusCode(201)
                .header("Location", containsString("/api/v1/org-units/"))
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("name", equalTo("Đảng bộ tỉnh Đồng Tháp"))
                .body("parentId", nullValue())
                .body("depth", equalTo(1))
                .body("open", equalTo(true))
                .body("createdBy", equalTo("test-admin"))
                .extract().response();
        String id = created.path("id");
        assertEquals(List.of(id), created.path("path"));
    }

    @Test
    void anOfficerCreatesUnitsOnlyInsideTheirSubtree() {
        UUID province = root("Tỉnh A");
        UUID commune = child(province, "Xã A1", "PARTY_COMMITTEE");
        UUID otherProvince = root("Tỉnh B");

        create(officer(province), commune, uniqueCode("C"), "Chi bộ ấp 1", "PARTY_CELL")
                .statusCode(201).body("path", hasSize(3)).body("path[0]", equalTo(province.toString()))
                .body("path[1]", equalTo(commune.toString()));
        create(officer(commune), otherProvince, uniqueCode("C"), "Chi bộ lạ", "PARTY_CELL")
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("outside"));
        create(officer(commune), null, uniqueCode("R"), "Gốc mới", "PARTY_COMMITTEE")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("parentId"));
        create(DevTokens.bearer("member", commune), commune, uniqueCode("C"), "Chi bộ", "PARTY_CELL")
                .statusCode(403).contentType(PROBLEM);
    }

    @Test
    void callsWithoutAValidTokenAre401Problems() {
        UUID province = root("Tỉnh C");
        given().when().get("/api/v1/org-units/{id}", province)
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer not.a.token").when().get("/api/v1/org-units/{id}", province)
                .then().statusCode(401).contentType(PROBLEM);
        String noRoles = "Bearer " + DevTokens.mint("nobody", province, null, List.of());
        given().header("Authorization", noRoles).when().get("/api/v1/org-units/{id}", province)
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aTokenIsHonouredOnlyAsSignedAndUntilItExpires() {
        UUID province = root("Tỉnh E");
        String token = DevTokens.mint("short-lived", "Short lived", province, null, List.of("unit-officer"), Duration.ofSeconds(3));
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/org-units/{id}", province)
                .then().statusCode(200);
        // the same claims under a signature that is not the issuer's: refused although the genuine token was just accepted
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + forged).when().get("/api/v1/org-units/{id}", province)
                .then().statusCode(401).contentType(PROBLEM);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().header("Authorization", "Bearer " + token).when().get("/api/v1/org-units/{id}", province)
                        .then().statusCode(401).contentType(PROBLEM));
    }

    @Test
    void codesAreUniqueIgnoringCase() {
        String code = uniqueCode("dup");
        create(admin(), null, code, "Một", "OTHER").statusCode(201);
        create(admin(), null, code.toLowerCase(), "Hai", "OTHER")
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("already exists"));
    }

    @Test
    void readsCoverTheSubtreeAndTheUnitsAboveButNotNeighbours() {
        UUID province = root("Tỉnh D");
        UUID communeA = child(province, "Phường D1", "PARTY_COMMITTEE");
        UUID communeB = child(province, "Phường D2", "PARTY_COMMITTEE");
        UUID cellA = child(communeA, "Chi bộ khu phố 1", "PARTY_CELL");

        OrgTree.get(officer(communeA), cellA).statusCode(200).header("ETag", notNullValue());
        OrgTree.get(officer(communeA), province).statusCode(200).body("name", equalTo("Tỉnh D"));
        OrgTree.get(officer(communeA), communeB).statusCode(403).contentType(PROBLEM);
        OrgTree.get(officer(communeA), UUID.randomUUID()).statusCode(404).contentType(PROBLEM);
        given().header("Authorization", admin()).when().get("/api/v1/org-units/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", officer(communeA)).when().get("/api/v1/org-units/{id}/ancestors", cellA)
                .then().statusCode(200).body("id", contains(province.toString(), communeA.toString()));
        given().header("Authorization", officer(communeA)).when().get("/api/v1/org-units/{id}/children", communeB)
                .then().statusCode(403);
    }

    @Test
    void searchIgnoresVietnameseAccentsAndStaysInTheCallersSubtree() {
        UUID province = root("Đảng bộ tỉnh Tiền Giang cũ");
        UUID commune = child(province, "Đảng bộ xã Tân Phước Hưng", "PARTY_COMMITTEE");
        UUID elsewhere = root("Đảng bộ tỉnh Hậu Giang cũ");
        child(elsewhere, "Đảng bộ xã Tân Phước Hưng", "PARTY_COMMITTEE");

        given().header("Authorization", admin()).queryParam("q", "tien giang").queryParam("limit", 200)
                .when().get("/api/v1/org-units")
                .then().statusCode(200).body("items.id", hasItem(province.toString()));
        given().header("Authorization", officer(province)).queryParam("q", "TAN PHUOC hung")
                .when().get("/api/v1/org-units")
                .then().statusCode(200).body("items.id", contains(commune.toString()));
        given().header("Authorization", officer(province)).queryParam("q", "đảng bộ xã tân")
                .when().get("/api/v1/org-units")
                .then().statusCode(200).body("items.id", contains(commune.toString()));
        given().header("Authorization", officer(province)).queryParam("q", "x'; drop table org_unit; --")
                .when().get("/api/v1/org-units")
                .then().statusCode(200).body("items", empty());
        given().header("Authorization", officer(province)).queryParam("q", "%")
                .when().get("/api/v1/org-units")
                .then().statusCode(200).body("items", empty());
        OrgTree.get(admin(), province).statusCode(200);
    }

    @Test
    void childrenAndSubtreePagesAreStableAndComplete() {
        UUID province = root("Tỉnh E");
        List<String> names = List.of("Xã Bình", "Xã An", "Xã Cát", "Xã Đông", "Xã Ấp");
        List<UUID> communes = new ArrayList<>();
        for (String name : names) {
            communes.add(child(province, name, "PARTY_COMMITTEE"));
        }
        UUID cell = child(communes.get(0), "Chi bộ 1", "PARTY_CELL");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", officer(province)).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/org-units/{id}/children", province).then().statusCode(200).extract().response();
            seen.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(names.stream().sorted().toList(), seen);

        given().header("Authorization", officer(province)).queryParam("limit", 10)
                .when().get("/api/v1/org-units/{id}/subtree", province)
                .then().statusCode(200).body("items", hasSize(6))
                .body("items[5].id", equalTo(cell.toString()))
                .body("nextCursor", nullValue());
        given().header("Authorization", officer(province)).queryParam("limit", 0)
                .when().get("/api/v1/org-units/{id}/children", province)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("limit"));
        given().header("Authorization", officer(province)).queryParam("limit", 201)
                .when().get("/api/v1/org-units/{id}/children", province)
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", officer(province)).queryParam("limit", "ten")
                .when().get("/api/v1/org-units/{id}/children", province)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("limit"));
        given().header("Authorization", officer(province)).queryParam("cursor", "garbage!")
                .when().get("/api/v1/org-units/{id}/children", province)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
        String wellFormedButWrongTypes = java.util.Base64.getUrlEncoder().encodeToString("x\u001fy\u001fz".getBytes());
        given().header("Authorization", officer(province)).queryParam("cursor", wellFormedButWrongTypes)
                .when().get("/api/v1/org-units/{id}/subtree", province)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
        given().header("Authorization", officer(province)).queryParam("kind", "cell")
                .when().get("/api/v1/org-units/{id}/children", province)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("kind"));
        given().header("Authorization", officer(province)).queryParam("kind", "party_committee")
                .when().get("/api/v1/org-units/{id}/children", province)
                .then().statusCode(200).body("items", hasSize(5));
        given().header("Authorization", officer(province)).queryParam("under", "not-a-uuid")
                .when().get("/api/v1/org-units")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("under"));
        given().header("Authorization", officer(province)).queryParam("q", "a\u0000b")
                .when().get("/api/v1/org-units")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("q"));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        UUID province = root("Tỉnh F");
        UUID commune = child(province, "Xã F1", "PARTY_COMMITTEE");
        String etag = OrgTree.get(officer(province), commune).statusCode(200).extract().header("ETag");

        String newTag = given().header("Authorization", officer(province)).header("If-Match", etag)
                .contentType(ContentType.JSON).body(Map.of("name", "Xã F1 mới"))
                .when().patch("/api/v1/org-units/{id}", commune)
                .then().statusCode(200).body("name", equalTo("Xã F1 mới")).extract().header("ETag");
        assertNotEquals(etag, newTag);

        given().header("Authorization", officer(province)).header("If-Match", etag)
                .contentType(ContentType.JSON).body(Map.of("name", "Xã F1 cũ"))
                .when().patch("/api/v1/org-units/{id}", commune)
                .then().statusCode(412).contentType(PROBLEM);
        OrgTree.get(officer(province), commune).body("name", equalTo("Xã F1 mới"));
    }

    @Test
    void movingAUnitCarriesItsSubtree() {
        UUID province = root("Tỉnh G");
        UUID communeA = child(province, "Xã G1", "PARTY_COMMITTEE");
        UUID communeB = child(province, "Xã G2", "PARTY_COMMITTEE");
        UUID organisation = child(communeA, "Đảng bộ trường THPT", "PARTY_ORGANISATION");
        UUID cell = child(organisation, "Chi bộ giáo viên", "PARTY_CELL");

        given().header("Authorization", officer(province)).contentType(ContentType.JSON)
                .body(Map.of("parentId", communeB.toString()))
                .when().post("/api/v1/org-units/{id}/move", organisation)
                .then().statusCode(200).body("parentId", equalTo(communeB.toString()));
        OrgTree.get(officer(province), cell).statusCode(200)
                .body("path", contains(province.toString(), communeB.toString(), organisation.toString(), cell.toString()));
        OrgTree.get(officer(communeA), cell).statusCode(403);

        given().header("Authorization", officer(province)).contentType(ContentType.JSON)
                .body(Map.of("parentId", cell.toString()))
                .when().post("/api/v1/org-units/{id}/move", organisation)
                .then().statusCode(409).contentType(PROBLEM);
        given().header("Authorization", officer(communeB)).contentType(ContentType.JSON)
                .body(Map.of("parentId", communeA.toString()))
                .when().post("/api/v1/org-units/{id}/move", communeB)
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void closingNeedsAnEmptyUnitAndHidesItFromDefaultLists() {
        UUID province = root("Tỉnh H");
        UUID commune = child(province, "Xã H1", "PARTY_COMMITTEE");
        UUID cell = child(commune, "Chi bộ H1", "PARTY_CELL");

        given().header("Authorization", officer(province)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/org-units/{id}/close", commune)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("open units"));
        given().header("Authorization", officer(province)).contentType(ContentType.JSON).body(Map.of("validTo", "2024-01-01"))
                .when().post("/api/v1/org-units/{id}/close", cell)
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", officer(province)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/org-units/{id}/close", cell)
                .then().statusCode(200).body("open", equalTo(false)).body("validTo", notNullValue());
        given().header("Authorization", officer(province)).when().get("/api/v1/org-units/{id}/children", commune)
                .then().statusCode(200).body("items", empty());
        given().header("Authorization", officer(province)).queryParam("includeClosed", true)
                .when().get("/api/v1/org-units/{id}/children", commune)
                .then().statusCode(200).body("items.id", contains(cell.toString()));
        create(officer(province), cell, uniqueCode("X"), "Dưới đơn vị đã đóng", "OTHER").statusCode(409);
    }

    @Test
    void mergingClosesSourcesMovesTheirUnitsAndLinksPredecessors() {
        UUID province = root("Tỉnh I");
        UUID communeA = child(province, "Xã I1", "PARTY_COMMITTEE");
        UUID communeB = child(province, "Xã I2", "PARTY_COMMITTEE");
        UUID cellA = child(communeA, "Chi bộ ấp I1", "PARTY_CELL");
        UUID cellB = child(communeB, "Chi bộ ấp I2", "PARTY_CELL");
        String code = uniqueCode("MERGED");

        Response merged = given().header("Authorization", officer(province)).contentType(ContentType.JSON)
                .body(Map.of("sourceIds", List.of(communeA.toString(), communeB.toString()),
                        "newSuccessor", Map.of("code", code, "name", "Xã I mới", "kind", "PARTY_COMMITTEE", "parentId", province.toString()),
                        "effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(200)
                .body("code", equalTo(code))
                .body("validFrom", equalTo("2025-07-01"))
                .body("predecessorIds", contains(communeA.toString(), communeB.toString()))
                .extract().response();
        String successor = merged.path("id");

        OrgTree.get(officer(province), communeA).body("validTo", equalTo("2025-07-01"))
                .body("successorId", equalTo(successor)).body("open", equalTo(false));
        OrgTree.get(officer(province), cellA).body("parentId", equalTo(successor));
        OrgTree.get(officer(province), cellB).body("parentId", equalTo(successor));

        given().header("Authorization", officer(province)).contentType(ContentType.JSON)
                .body(Map.of("sourceIds", List.of(communeA.toString()), "successorId", successor, "effectiveDate", "2025-08-01"))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(409).contentType(PROBLEM);
        given().header("Authorization", officer(province)).contentType(ContentType.JSON)
                .body(Map.of("sourceIds", List.of(successor), "effectiveDate", "2025-08-01"))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", officer(province)).contentType(ContentType.JSON)
                .body(Map.of("sourceIds", List.of(successor), "successorId", province.toString(), "effectiveDate", "2099-01-01"))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("effectiveDate"));
    }

    @Test
    void badInputIsA400ProblemWithTheFieldAndChangesNothing() {
        UUID province = root("Tỉnh K");
        String token = officer(province);
        String before = given().header("Authorization", token).queryParam("limit", 200)
                .when().get("/api/v1/org-units/{id}/subtree", province).then().extract().asString();

        post(token, "{\"code\": \"X1\", \"name\": ").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"));
        post(token, "[1,2]").then().statusCode(400).contentType(PROBLEM);
        post(token, body(province, "X2", "Tên", "VILLAGE", "2025-07-01")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("kind")).body("errors[0].message", containsString("PARTY_CELL"));
        post(token, body(province, "X3", "Tên", "OTHER", "2025-13-45")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("validFrom"));
        post(token, "{\"code\":\"X4\",\"name\":\"Tên\",\"kind\":\"OTHER\",\"parentId\":42}").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentId"));
        post(token, body(province, "X5", "x".repeat(301), "OTHER", "2025-07-01")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name"));
        post(token, body(province, "bad code!", "Tên", "OTHER", "2025-07-01")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        post(token, "{\"kind\":\"OTHER\",\"parentId\":\"" + province + "\"}").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name"));
        post(token, body(province, "X6", "   ", "OTHER", "2025-07-01")).then().statusCode(400).body("errors.field", hasItem("name"));
        post(token, body(province, "X7", "Tên", "OTHER", "1990-01-01")).then().statusCode(400).body("errors.field", hasItem("validFrom"));
        post(token, body(province, "X8", "Tên\\u0000", "OTHER", "2025-07-01")).then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", token).contentType(ContentType.TEXT).body("code=X")
                .when().post("/api/v1/org-units").then().statusCode(415).contentType(PROBLEM);
        given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                .when().patch("/api/v1/org-units/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);

        given().header("Authorization", token).queryParam("limit", 200)
                .when().get("/api/v1/org-units/{id}/subtree", province).then().body(equalTo(before));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        UUID province = root("Tỉnh L");
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("code", uniqueCode("IDEM"), "name", "Xã L1", "kind", "PARTY_COMMITTEE", "parentId", province.toString());
        String first = given().header("Authorization", officer(province)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/org-units").then().statusCode(201).extract().path("id");
        given().header("Authorization", officer(province)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/org-units").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(first))
                .body("id", equalTo(first));
        given().header("Authorization", officer(province)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("code", uniqueCode("OTHER"), "name", "Khác", "kind", "OTHER", "parentId", province.toString()))
                .when().post("/api/v1/org-units").then().statusCode(422).contentType(PROBLEM);
        given().header("Authorization", officer(province)).when().get("/api/v1/org-units/{id}/children", province)
                .then().body("items", hasSize(1)).body("items[0].id", not(equalTo(null)));
    }

    private static io.restassured.response.Response post(String token, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json).when().post("/api/v1/org-units");
    }

    private static String body(UUID parent, String code, String name, String kind, String validFrom) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"parentId\":\"" + parent
                + "\",\"validFrom\":\"" + validFrom + "\"}";
    }
}
