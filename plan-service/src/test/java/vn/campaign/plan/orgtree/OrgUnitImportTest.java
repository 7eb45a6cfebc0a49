package vn.campaign.plan.orgtree;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.campaign.plan.orgtree.OrgTree.admin;
import static vn.campaign.plan.orgtree.OrgTree.officer;

@QuarkusTest
class OrgUnitImportTest {

    @Test
    void aProvinceTreeImportsFromCsvAndAReimportChangesNothing() {
        String p = "IMP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // children before their parents, and a BOM as Excel writes it
        String csv = "\uFEFFcode,name,kind,parentCode,validFrom\n"
                + p + "-C1,Chi bộ ấp Mỹ Phú,PARTY_CELL," + p + "-X1,2025-07-01\n"
                + p + ",Đảng bộ tỉnh Đồng Tháp,PARTY_COMMITTEE,,2025-07-01\n"
                + p + "-X1,\"Đảng bộ xã Mỹ Thọ, huyện cũ\",PARTY_COMMITTEE," + p + ",2025-07-01\n"
                + p + "-MT,Ủy ban MTTQ Việt Nam tỉnh,FATHERLAND_FRONT," + p + ",2025-07-01\n";

        given().header("Authorization", admin()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/org-units/import")
                .then().statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(4)).body("unchanged", equalTo(0));
        given().header("Authorization", admin()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/org-units/import")
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(4));

        String rootId = given().header("Authorization", admin()).queryParam("q", p)
                .when().get("/api/v1/org-units").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
        given().header("Authorization", officer(UUID.fromString(rootId))).queryParam("q", "my tho huyen cu")
                .when().get("/api/v1/org-units").then().statusCode(200)
                .body("items[0].name", equalTo("Đảng bộ xã Mỹ Thọ, huyện cũ"));
        given().header("Authorization", admin()).when().get("/api/v1/org-units/{id}/subtree", rootId)
                .then().body("items", hasSize(3));
    }

    @Test
    void jsonLinesImportUpdatesByCodeAndMovesWhenTheParentChanges() {
        String p = "JL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String first = "{\"code\":\"" + p + "\",\"name\":\"Tỉnh\",\"kind\":\"PARTY_COMMITTEE\",\"validFrom\":\"2025-07-01\"}\n"
                + "{\"code\":\"" + p + "-A\",\"name\":\"Xã A\",\"kind\":\"PARTY_COMMITTEE\",\"parentCode\":\"" + p + "\",\"validFrom\":\"2025-07-01\"}\n"
                + "{\"code\":\"" + p + "-B\",\"name\":\"Xã B\",\"kind\":\"PARTY_COMMITTEE\",\"parentCode\":\"" + p + "\",\"validFrom\":\"2025-07-01\"}\n"
                + "{\"code\":\"" + p + "-C\",\"name\":\"Chi bộ\",\"kind\":\"PARTY_CELL\",\"parentCode\":\"" + p + "-A\",\"validFrom\":\"2025-07-01\"}\n";
        given().header("Authorization", admin()).contentType("application/x-ndjson").body(first.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/org-units/import").then().statusCode(200).body("created", equalTo(4));

        String rootId = given().header("Authorization", admin()).queryParam("q", p)
                .when().get("/api/v1/org-units").then().extract().path("items[0].id");
        String second = "{\"code\":\"" + p + "-C\",\"name\":\"Chi bộ số 1\",\"kind\":\"PARTY_CELL\",\"parentCode\":\"" + p + "-B\"}\n";
        given().header("Authorization", officer(UUID.fromString(rootId))).contentType("application/x-ndjson").body(second.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/org-units/import").then().statusCode(200).body("updated", equalTo(1));
        given().header("Authorization", admin()).queryParam("q", p + "-C")
                .when().get("/api/v1/org-units").then()
                .body("items[0].name", equalTo("Chi bộ số 1")).body("items[0].path", hasSize(3));
    }

    @Test
    void anImportWithAnyBadRowChangesNothingAndNamesEveryBadLine() {
        String p = "BAD" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String csv = "code,name,kind,parentCode,validFrom\n"
                + p + ",Tỉnh,PARTY_COMMITTEE,,2025-07-01\n"
                + p + "-1,Xã,VILLAGE," + p + ",2025-07-01\n"
                + p + "-2,,PARTY_CELL," + p + ",2025-07-01\n"
                + p + "-3,Xã 3,PARTY_CELL,NO-SUCH-PARENT,2025-07-01\n"
                + p + "-4,Xã 4,PARTY_CELL," + p + ",01/07/2025\n";
        given().header("Authorization", admin()).contentType("text/csv").body(csv)
                .when().post("/api/v1/org-units/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 3: kind"))
                .body("errors.field", hasItem("line 6: validFrom"));
        String fixedKinds = csv.replace("VILLAGE", "PARTY_COMMITTEE").replace("01/07/2025", "2025-07-01");
        given().header("Authorization", admin()).contentType("text/csv").body(fixedKinds)
                .when().post("/api/v1/org-units/import")
                .then().statusCode(400)
                .body("errors.field", hasItem("line 4: name"));
        given().header("Authorization", admin()).contentType("text/csv").body(fixedKinds.replace(",,PARTY_CELL", ",Xã 2,PARTY_CELL"))
                .when().post("/api/v1/org-units/import")
                .then().statusCode(400)
                .body("errors.field", hasItem("line 5: parentCode")).body("detail", containsString("NO-SUCH-PARENT"));
        given().header("Authorization", admin()).queryParam("q", p)
                .when().get("/api/v1/org-units").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", admin()).contentType("text/csv").body("name,kind\nX,OTHER\n")
                .when().post("/api/v1/org-units/import").then().statusCode(400).body("errors.field", hasItem("header"));
        given().header("Authorization", admin()).contentType("application/x-ndjson").body("{\"code\":\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/org-units/import").then().statusCode(400).body("errors.field", hasItem("line 1"));
    }

    @Test
    void anOfficerImportsOnlyUnderTheirOwnUnit() {
        UUID province = OrgTree.root("Tỉnh nhập");
        UUID other = OrgTree.root("Tỉnh khác");
        String otherCode = given().header("Authorization", admin()).when().get("/api/v1/org-units/{id}", other)
                .then().extract().path("code");
        String p = "OFF" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String csv = "code,name,kind,parentCode\n" + p + ",Xã lạ,PARTY_COMMITTEE," + otherCode + "\n";
        given().header("Authorization", officer(province)).contentType("text/csv").body(csv)
                .when().post("/api/v1/org-units/import")
                .then().statusCode(403).body("errors[0].message", containsString("outside"));
        given().header("Authorization", officer(province)).contentType("text/csv").body("code,name,kind,parentCode\n" + p + ",Gốc,PARTY_COMMITTEE,\n")
                .when().post("/api/v1/org-units/import")
                .then().statusCode(400).body("errors[0].message", containsString("only an admin"));
        given().header("Authorization", vn.campaign.localinfra.DevTokens.bearer("viewer", province)).contentType("text/csv").body(csv)
                .when().post("/api/v1/org-units/import").then().statusCode(403);
    }
}
