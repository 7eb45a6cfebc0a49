package vn.campaign.commitment.roster;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static vn.campaign.commitment.Api.PROBLEM;
import static vn.campaign.commitment.Api.as;
import static vn.campaign.commitment.Api.role;
import static vn.campaign.commitment.Api.secretary;

/** Bulk import of the roster: idempotent by external reference, all or nothing, every bad row named. */
@QuarkusTest
class RosterImportTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aCsvImportCreatesByExternalReferenceAndAReimportChangesNothing() {
        Fixtures.Tree tree = fixtures.tree();
        String code = unitCode(tree.cellId());
        String p = prefix();
        String csv = "\uFEFFexternalRef,fullName,unitCode,category,leader,positionTitle,exemption,exemptionReason\n"
                + p + "-1,\"Nguyễn Văn An, con\",\"" + code + "\",PARTY_MEMBER,true,Bí thư chi bộ,,\n"
                + p + "-2,Trần Thị Bình," + code + ",civil_servant,false,,,\n"
                + p + "-3,Lê Văn Cư," + code + ",PARTY_MEMBER,,,RETIRED,Nghỉ hưu từ 2020\n";
        String secretary = secretary(tree.communeId());

        importCsv(secretary, csv).statusCode(200).body("rows", equalTo(3)).body("created", equalTo(3)).body("unchanged", equalTo(0));
        importCsv(secretary, csv).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        as(secretary).queryParam("externalRef", p + "-1").when().get("/api/v1/members").then()
                .body("items[0].fullName", equalTo("Nguyễn Văn An, con")).body("items[0].leader", equalTo(true));

        // a changed leader flag and a move to the other cell: two updates, the move in the history
        String changed = csv.replace(",PARTY_MEMBER,true,", ",PARTY_MEMBER,false,")
                .replace(p + "-2,Trần Thị Bình," + code, p + "-2,Trần Thị Bình," + unitCode(tree.otherCellId()));
        importCsv(secretary, changed).statusCode(200).body("updated", equalTo(2)).body("unchanged", equalTo(1));
        String moved = as(secretary).queryParam("externalRef", p + "-2").when().get("/api/v1/members").then()
                .body("items[0].unitId", equalTo(tree.otherCellId().toString())).extract().path("items[0].id");
        as(secretary).when().get("/api/v1/members/{id}/history", moved).then()
                .body("items.kind", equalTo(List.of("REGISTERED", "MOVED")));
    }

    @Test
    void aLargeImportAppliesEveryRowAcrossItsChunks() {
        Fixtures.Tree tree = fixtures.tree();
        String p = prefix();
        StringBuilder csv = new StringBuilder("externalRef,fullName,unitId,category\n");
        for (int i = 1; i <= 1_100; i++) {
            csv.append(p).append('-').append(i).append(",Hội viên ").append(i).append(',').append(tree.cellId()).append(",UNION_MEMBER\n");
        }
        String officer = role("unit-officer", tree.provinceId());
        importCsv(officer, csv.toString()).statusCode(200).body("created", equalTo(1_100));
        importCsv(officer, csv.toString().replace(",Hội viên ", ",Đoàn viên ")).statusCode(200).body("updated", equalTo(1_100));
        as(officer).queryParam("externalRef", p + "-1100").when().get("/api/v1/members").then()
                .body("items[0].fullName", equalTo("Đoàn viên 1100")).body("items[0].version", equalTo(1));
    }

    @Test
    void jsonLinesImportByUnitIdIsIdempotentToo() {
        Fixtures.Tree tree = fixtures.tree();
        String p = prefix();
        String lines = "{\"externalRef\":\"" + p + "-1\",\"fullName\":\"Hồ Thị Duyên\",\"unitId\":\"" + tree.cellId() + "\",\"category\":\"CITIZEN\"}\n"
                + "\n"
                + "{\"externalRef\":\"" + p + "-2\",\"fullName\":\"Hồ Văn Em\",\"unitId\":\"" + tree.cellId() + "\",\"category\":\"UNION_MEMBER\",\"leader\":\"true\",\"positionTitle\":\"Chủ tịch Hội Nông dân\"}\n";
        String officer = role("unit-officer", tree.provinceId());
        importLines(officer, lines).statusCode(200).body("created", equalTo(2));
        importLines(officer, lines).statusCode(200).body("unchanged", equalTo(2));
    }

    @Test
    void anImportWithBadRowsChangesNothingAndNamesEveryBadRow() {
        Fixtures.Tree tree = fixtures.tree();
        String code = unitCode(tree.cellId());
        String p = prefix();
        String csv = "externalRef,fullName,unitCode,category,exemption,exemptionReason\n"
                + p + "-1,Đúng,"+ code + ",PARTY_MEMBER,,\n"
                + p + "-2,Sai loại," + code + ",MONK,,\n"
                + p + "-3,," + code + ",CITIZEN,,\n"
                + p + "-4,Thiếu lý do," + code + ",PARTY_MEMBER,RETIRED,\n"
                + p + "-5,Không có đơn vị,NO-SUCH-UNIT,CITIZEN,,\n"
                + p + "-1,Lặp lại," + code + ",CITIZEN,,\n";
        String secretary = secretary(tree.cellId());
        importCsv(secretary, csv).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("line 3: category", "line 4: fullName", "line 5: exemptionReason", "line 7: externalRef"));
        String fixable = csv.replace("MONK", "CITIZEN").replace(p + "-3,,", p + "-3,Có tên,")
                .replace("RETIRED,\n", "RETIRED,Nghỉ hưu\n").replace(p + "-1,Lặp lại," + code + ",CITIZEN,,\n", "");
        importCsv(secretary, fixable).statusCode(400).body("errors.field", hasItem("line 6: unitCode"))
                .body("detail", containsString("NO-SUCH-UNIT"));
        importCsv(secretary, fixable.replace("NO-SUCH-UNIT", unitCode(tree.farCellId())))
                .statusCode(400).body("errors[0].message", containsString("outside"));
        as(secretary).queryParam("externalRef", p + "-1").when().get("/api/v1/members").then().body("items", hasSize(0));

        importLines(secretary, "{\"externalRef\": \n").statusCode(400).body("errors.field", hasItem("line 1"));
        importCsv(secretary, "fullName,category\nX,CITIZEN\n").statusCode(400).body("errors.field", hasItem("header"));
    }

    @Test
    void anImportMayNotCarryPersonalDataTheRosterDoesNotKeep() {
        Fixtures.Tree tree = fixtures.tree();
        String p = prefix();
        importCsv(secretary(tree.cellId()), "externalRef,fullName,unitId,category,birthDate,religion\n"
                + p + ",Nguyễn Văn A," + tree.cellId() + ",CITIZEN,1970-01-01,Phật giáo\n")
                .statusCode(400).body("errors.field", hasItem("header")).body("detail", containsString("birthDate"));
        importLines(secretary(tree.cellId()), "{\"externalRef\":\"" + p + "\",\"fullName\":\"A\",\"unitId\":\"" + tree.cellId()
                + "\",\"category\":\"CITIZEN\",\"citizenId\":\"079123456789\"}\n")
                .statusCode(400).body("errors[0].message", containsString("citizenId"));
        importCsv(role("viewer", tree.provinceId()), "externalRef,fullName,unitId,category\n" + p + ",A," + tree.cellId() + ",CITIZEN\n")
                .statusCode(403);
    }

    private String unitCode(UUID unit) {
        return fixtures.unitCode(unit);
    }

    private static String prefix() {
        return "IMP-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static io.restassured.response.ValidatableResponse importCsv(String token, String csv) {
        return given().header("Authorization", token).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/members/import").then();
    }

    private static io.restassured.response.ValidatableResponse importLines(String token, String lines) {
        return given().header("Authorization", token).contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/members/import").then();
    }
}
