package vn.campaign.commitment.roster;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.campaign.commitment.Api.PROBLEM;
import static vn.campaign.commitment.Api.addMember;
import static vn.campaign.commitment.Api.as;
import static vn.campaign.commitment.Api.member;
import static vn.campaign.commitment.Api.newMember;
import static vn.campaign.commitment.Api.role;
import static vn.campaign.commitment.Api.secretary;

/** The roster: the fields SPEC allows, attributable changes with ETags, exemptions, moves with history, scope. */
@QuarkusTest
class RosterApiTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aSecretaryAddsAMemberWithLocationETagAndOnlyTheAllowedFields() {
        Fixtures.Tree tree = fixtures.tree();
        Map<String, Object> body = newMember(tree.cellId(), "Nguyễn Thị Mai", "UNION_MEMBER");
        body.put("citizenId", "079123456789");   // not stored: the roster keeps no citizen id,
        body.put("birthDate", "1980-01-01");     // no date of birth,
        body.put("ethnicity", "Kinh");           // no ethnicity
        body.put("religion", "Không");           // and no religion
        as(secretary(tree.cellId())).body(body).when().post("/api/v1/members")
                .then().statusCode(201).header("Location", containsString("/api/v1/members/")).header("ETag", equalTo("\"0\""))
                .body("fullName", equalTo("Nguyễn Thị Mai")).body("category", equalTo("UNION_MEMBER"))
                .body("template", equalTo("FORM_2A")).body("leader", equalTo(false))
                .body("createdBy", equalTo("secretary-" + tree.cellId()))
                .body("$", not(hasKey("citizenId"))).body("$", not(hasKey("birthDate")))
                .body("$", not(hasKey("ethnicity"))).body("$", not(hasKey("religion")));
        Long columns = fixtures.count("""
                select count(*) from information_schema.columns where table_name = 'member'
                and column_name ~ '(citizen|birth|ethnic|religio)'""");
        org.junit.jupiter.api.Assertions.assertEquals(0L, columns);
    }

    @Test
    void changesNeedTheCurrentETagAndEveryChangeIsLoggedWithItsAuthor() {
        Fixtures.Tree tree = fixtures.tree();
        String secretary = secretary(tree.cellId());
        UUID id = addMember(tree.cellId(), "Lê Văn Tâm", "PARTY_MEMBER");

        as(secretary).header("If-Match", "\"0\"").body(Map.of("leader", true, "positionTitle", "Phó Bí thư Đảng ủy xã"))
                .when().patch("/api/v1/members/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("leader", equalTo(true))
                .body("positionTitle", equalTo("Phó Bí thư Đảng ủy xã")).body("updatedBy", equalTo("secretary-" + tree.cellId()));
        as(secretary).header("If-Match", "\"0\"").body(Map.of("fullName", "Lê Văn Tâm Mới"))
                .when().patch("/api/v1/members/{id}", id)
                .then().statusCode(412).contentType(PROBLEM);
        as(secretary).when().get("/api/v1/members/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("fullName", equalTo("Lê Văn Tâm"));

        as(secretary).when().get("/api/v1/members/{id}/history", id).then().statusCode(200)
                .body("items.kind", equalTo(List.of("REGISTERED", "UPDATED")))
                .body("items[1].changes.leader.from", equalTo(false)).body("items[1].changes.leader.to", equalTo(true))
                .body("items[1].changedBy", equalTo("secretary-" + tree.cellId()))
                .body("items[1].changedAt", notNullValue());
    }

    @Test
    void anExemptionNeedsAReasonAndCanBeLifted() {
        Fixtures.Tree tree = fixtures.tree();
        String secretary = secretary(tree.cellId());
        UUID id = addMember(tree.cellId(), "Trần Văn Lão", "PARTY_MEMBER");

        as(secretary).body(Map.of("category", "RETIRED")).when().put("/api/v1/members/{id}/exemption", id)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
        as(secretary).body(Map.of("category", "TIRED", "reason", "x")).when().put("/api/v1/members/{id}/exemption", id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].message", containsString("RETIRED"));
        // the category names no ethnicity: the roster must not store it
        as(secretary).body(Map.of("category", "ELDERLY_ETHNIC_MINORITY", "reason", "Đảng viên cao tuổi"))
                .when().put("/api/v1/members/{id}/exemption", id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].message", containsString("RETIRED, ELDERLY, OTHER"));
        as(secretary).body(Map.of("category", "ELDERLY", "reason", "Đảng viên cao tuổi, được miễn sinh hoạt"))
                .when().put("/api/v1/members/{id}/exemption", id)
                .then().statusCode(200).body("exemption", equalTo("ELDERLY"));
        as(secretary).queryParam("exempt", true).queryParam("unit", tree.cellId()).when().get("/api/v1/members")
                .then().body("items.id", equalTo(List.of(id.toString())));
        as(secretary).when().delete("/api/v1/members/{id}/exemption", id)
                .then().statusCode(200).body("exemption", nullValue()).body("exemptionReason", nullValue());

        Map<String, Object> body = newMember(tree.cellId(), "Không lý do", "PARTY_MEMBER");
        body.put("exemption", "RETIRED");
        as(secretary).body(body).when().post("/api/v1/members")
                .then().statusCode(400).body("errors.field", hasItem("exemptionReason"));
    }

    @Test
    void aMoveKeepsTheHistoryAndTheOldCellLosesSight() {
        Fixtures.Tree tree = fixtures.tree();
        UUID id = addMember(tree.cellId(), "Phan Văn Chuyển", "PARTY_MEMBER");
        String communeSecretary = secretary(tree.communeId());

        as(secretary(tree.cellId())).body(Map.of("unitId", tree.farCellId().toString())).when().post("/api/v1/members/{id}/move", id)
                .then().statusCode(403).contentType(PROBLEM);
        as(communeSecretary).body(Map.of("unitId", tree.otherCellId().toString())).when().post("/api/v1/members/{id}/move", id)
                .then().statusCode(200).body("unitId", equalTo(tree.otherCellId().toString()));

        as(communeSecretary).when().get("/api/v1/members/{id}/history", id).then().statusCode(200)
                .body("items.kind", equalTo(List.of("REGISTERED", "MOVED")))
                .body("items[1].previousUnitId", equalTo(tree.cellId().toString()))
                .body("items[1].unitId", equalTo(tree.otherCellId().toString()));
        as(secretary(tree.cellId())).when().get("/api/v1/members/{id}", id).then().statusCode(403);
        as(secretary(tree.otherCellId())).when().get("/api/v1/members/{id}", id).then().statusCode(200);
    }

    @Test
    void everyBadFieldIsA400AndNothingIsStored() {
        Fixtures.Tree tree = fixtures.tree();
        String secretary = secretary(tree.cellId());
        Map<String, Object> good = newMember(tree.cellId(), "Hợp Lệ", "CITIZEN");

        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(
                Map.entry("fullName", "   "), Map.entry("fullName", "x".repeat(201)), Map.entry("fullName", "Tên\u0000có NUL"),
                Map.entry("externalRef", "có dấu cách"), Map.entry("category", "MONK"), Map.entry("unitId", "not-a-uuid"),
                Map.entry("leader", "perhaps"))) {
            Map<String, Object> body = new java.util.HashMap<>(good);
            body.put(bad.getKey(), bad.getValue());
            as(secretary).body(body).when().post("/api/v1/members")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(bad.getKey()));
        }
        as(secretary).body("{\"fullName\": ").when().post("/api/v1/members").then().statusCode(400).contentType(PROBLEM);
        as(secretary).when().post("/api/v1/members").then().statusCode(400).contentType(PROBLEM);
        as(secretary).queryParam("externalRef", good.get("externalRef")).when().get("/api/v1/members")
                .then().statusCode(200).body("items", hasSize(0));

        Map<String, Object> unknownUnit = new java.util.HashMap<>(good);
        unknownUnit.put("unitId", UUID.randomUUID().toString());
        as(role("admin", null)).body(unknownUnit).when().post("/api/v1/members").then().statusCode(404).contentType(PROBLEM);

        addMember(secretary, good);
        as(secretary).body(good).when().post("/api/v1/members")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString((String) good.get("externalRef")));
    }

    @Test
    void whoMayReadAndKeepTheRoster() {
        Fixtures.Tree tree = fixtures.tree();
        UUID id = addMember(tree.cellId(), "Đinh Thị Riêng", "CIVIL_SERVANT");
        UUID other = addMember(tree.cellId(), "Đinh Văn Khác", "CIVIL_SERVANT");

        as(member(id, tree.cellId())).when().get("/api/v1/members/me").then().statusCode(200).body("id", equalTo(id.toString()));
        as(member(id, tree.cellId())).when().get("/api/v1/members/{id}", id).then().statusCode(200);
        as(member(id, tree.cellId())).when().get("/api/v1/members/{id}", other).then().statusCode(403).contentType(PROBLEM);
        as(member(id, tree.cellId())).when().get("/api/v1/members").then().statusCode(403);
        as(member(id, tree.cellId())).body(newMember(tree.cellId(), "Tự thêm", "CITIZEN")).when().post("/api/v1/members").then().statusCode(403);
        as(secretary(tree.otherCellId())).when().get("/api/v1/members/{id}", id).then().statusCode(403).contentType(PROBLEM);
        as(secretary(tree.otherCellId())).queryParam("unit", tree.cellId()).when().get("/api/v1/members").then().statusCode(403);
        as(secretary(tree.farCellId())).body(newMember(tree.cellId(), "Lạ", "CITIZEN")).when().post("/api/v1/members").then().statusCode(403);
        as(role("viewer", tree.provinceId())).when().get("/api/v1/members/{id}", id).then().statusCode(403);
        as(role("commendation-council", tree.provinceId())).when().get("/api/v1/members/{id}", id).then().statusCode(200);
        as(role("unit-officer", tree.communeId())).when().get("/api/v1/members/{id}", id).then().statusCode(200);
        given().when().get("/api/v1/members/{id}", id).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theRosterIsPagedByNameWithABoundedPageSize() {
        Fixtures.Tree tree = fixtures.tree();
        for (String name : List.of("Cao", "An", "Bình", "Dũng", "Em")) {
            addMember(tree.cellId(), name, "CITIZEN");
        }
        String secretary = secretary(tree.cellId());
        String cursor = as(secretary).queryParam("limit", 2).when().get("/api/v1/members")
                .then().statusCode(200).body("items.fullName", equalTo(List.of("An", "Bình"))).extract().path("nextCursor");
        cursor = as(secretary).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/members")
                .then().statusCode(200).body("items.fullName", equalTo(List.of("Cao", "Dũng"))).extract().path("nextCursor");
        as(secretary).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/members")
                .then().statusCode(200).body("items.fullName", equalTo(List.of("Em"))).body("nextCursor", nullValue());
        as(secretary).queryParam("limit", 201).when().get("/api/v1/members").then().statusCode(400).body("errors.field", hasItem("limit"));
        as(secretary).queryParam("cursor", "bm90LW91cnM").when().get("/api/v1/members").then().statusCode(400).body("errors.field", hasItem("cursor"));
        as(secretary).queryParam("category", "MONK").when().get("/api/v1/members").then().statusCode(400).body("errors.field", hasItem("category"));
        as(secretary).queryParam("unit", "nope").when().get("/api/v1/members").then().statusCode(400).body("errors.field", hasItem("unit"));
    }
}
