package vn.campaign.commitment.roster;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;

import vn.campaign.foundation.commitments.CommitmentEvent;
import vn.campaign.foundation.events.Topics;
import vn.campaign.localinfra.TestTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.campaign.commitment.Api.addMember;
import static vn.campaign.commitment.Api.newMember;
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

        // every row, in every chunk, has its change log and its events, in order and with its version
        assertEquals(2_200, fixtures.count("select count(*) from member_change c join member m on m.id = c.member_id"
                + " where m.external_ref like '" + p + "-%'"));
        UUID last = idOf(officer, p + "-1100");
        as(officer).when().get("/api/v1/members/{id}/history", last).then()
                .body("items.kind", equalTo(List.of("REGISTERED", "UPDATED")))
                .body("items[1].changes.fullName.to", equalTo("Đoàn viên 1100"));
        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestTopics.readAll(Topics.COMMITMENTS).stream().filter(r -> last.toString().equals(r.key())).toList(),
                        l -> l.size() >= 2);
        assertEquals(List.of(CommitmentEvent.MEMBER_REGISTERED, CommitmentEvent.MEMBER_UPDATED),
                events.stream().map(r -> TestTopics.header(r, "ce_type")).toList());
        assertTrue(events.get(0).value().contains("\"version\":0") && events.get(1).value().contains("\"version\":1"),
                "the events carry the member's versions: " + events.stream().map(ConsumerRecord::value).toList());
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
        // a unit outside the subtree is not a bad row but a forbidden one
        importCsv(secretary, fixable.replace("NO-SUCH-UNIT", unitCode(tree.farCellId())))
                .statusCode(403).contentType(PROBLEM).body("errors[0].message", containsString("outside"))
                .body("errors.field", equalTo(List.of("line 6")));
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

    @Test
    void anIntegrationTokenMayNotRewriteTheRoster() {
        Fixtures.Tree tree = fixtures.tree();
        String p = prefix();
        String csv = "externalRef,fullName,unitId,category\n" + p + ",Cổng thông tin," + tree.cellId() + ",CITIZEN\n";
        importCsv(role("integration", tree.provinceId()), csv).statusCode(403).contentType(PROBLEM);
        importLines(role("integration", tree.provinceId()), "{\"externalRef\":\"" + p + "\",\"fullName\":\"A\",\"unitId\":\""
                + tree.cellId() + "\",\"category\":\"CITIZEN\"}\n").statusCode(403).contentType(PROBLEM);
        assertEquals(0, fixtures.count("select count(*) from member where external_ref = '" + p + "'"));
    }

    @Test
    void rowsOutsideTheSubtreeAreForbiddenWithAMessageThatDisclosesNoMembership() {
        Fixtures.Tree tree = fixtures.tree();
        String p = prefix();
        // on the far cell's roster, which the commune's secretary does not manage
        Map<String, Object> elsewhere = newMember(tree.farCellId(), "Đinh Văn Xa", "PARTY_MEMBER");
        elsewhere.put("externalRef", p + "-far");
        UUID far = addMember(secretary(tree.farCellId()), elsewhere);
        String code = unitCode(tree.cellId());
        String secretary = secretary(tree.communeId());
        String csv = "externalRef,fullName,unitCode,category\n"
                + p + "-1,Hợp lệ," + code + ",CITIZEN\n"
                + p + "-far,Đinh Văn Gần," + code + ",PARTY_MEMBER\n"              // on another subtree's roster
                + p + "-new,Người mới," + unitCode(tree.farCellId()) + ",CITIZEN\n"  // a unit outside the subtree
                + p + "-none,Không đơn vị,NO-SUCH-UNIT,CITIZEN\n";                  // a bad row: the 403 comes first

        var response = importCsv(secretary, csv).statusCode(403).contentType(PROBLEM)
                .body("detail", equalTo("rows touch units outside the part of the tree you manage"))
                .body("errors.field", equalTo(List.of("line 3", "line 4")))
                .body(not(containsString(p + "-far"))).body(not(containsString(far.toString())))
                .body(not(containsString("roster")))
                .extract();
        List<String> messages = response.path("errors.message");
        assertEquals(messages.get(0), messages.get(1), "a reference on another roster reads like any row outside the subtree");

        // all or nothing: the good row is not there, the entry elsewhere is untouched
        assertEquals(0, fixtures.count("select count(*) from member where external_ref = '" + p + "-1'"));
        as(secretary(tree.farCellId())).when().get("/api/v1/members/{id}", far).then().statusCode(200)
                .body("fullName", equalTo("Đinh Văn Xa")).body("unitId", equalTo(tree.farCellId().toString()))
                .body("version", equalTo(0));
        // the same row by JSON lines: the same answer
        importLines(secretary, "{\"externalRef\":\"" + p + "-far\",\"fullName\":\"X\",\"unitCode\":\"" + code
                + "\",\"category\":\"CITIZEN\"}\n").statusCode(403)
                .body("errors.field", equalTo(List.of("line 1"))).body("errors[0].message", equalTo(messages.get(0)));
    }

    @Test
    void aReimportWithoutTheOptionalColumnsKeepsLeadersAndExemptions() {
        Fixtures.Tree tree = fixtures.tree();
        String code = unitCode(tree.cellId());
        String p = prefix();
        String secretary = secretary(tree.cellId());
        importCsv(secretary, "externalRef,fullName,unitCode,category,leader,positionTitle,exemption,exemptionReason\n"
                + p + "-1,Nguyễn Văn Lãnh," + code + ",PARTY_MEMBER,true,Bí thư chi bộ,,\n"
                + p + "-2,Trần Thị Miễn," + code + ",PARTY_MEMBER,false,,RETIRED,Nghỉ hưu từ 2020\n")
                .statusCode(200).body("created", equalTo(2));
        UUID leader = idOf(secretary, p + "-1");
        UUID exempt = idOf(secretary, p + "-2");

        // only the required columns: nothing changes, a new row gets the defaults
        importCsv(secretary, "externalRef,fullName,unitCode,category\n"
                + p + "-1,Nguyễn Văn Lãnh," + code + ",PARTY_MEMBER\n"
                + p + "-2,Trần Thị Miễn," + code + ",PARTY_MEMBER\n"
                + p + "-3,Lê Thị Mới," + code + ",CITIZEN\n")
                .statusCode(200).body("rows", equalTo(3)).body("created", equalTo(1)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        // JSON lines without the fields, or a CSV line that stops before them: the same
        importLines(secretary, "{\"externalRef\":\"" + p + "-1\",\"fullName\":\"Nguyễn Văn Lãnh\",\"unitCode\":\"" + code
                + "\",\"category\":\"PARTY_MEMBER\"}\n{\"externalRef\":\"" + p + "-2\",\"fullName\":\"Trần Thị Miễn\",\"unitCode\":\""
                + code + "\",\"category\":\"PARTY_MEMBER\"}\n")
                .statusCode(200).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        importCsv(secretary, "externalRef,fullName,unitCode,category,leader,positionTitle,exemption,exemptionReason\n"
                + p + "-1,Nguyễn Văn Lãnh," + code + ",PARTY_MEMBER\n")
                .statusCode(200).body("updated", equalTo(0)).body("unchanged", equalTo(1));

        as(secretary).when().get("/api/v1/members/{id}", leader).then().statusCode(200)
                .body("leader", equalTo(true)).body("positionTitle", equalTo("Bí thư chi bộ")).body("version", equalTo(0));
        as(secretary).when().get("/api/v1/members/{id}", exempt).then().statusCode(200)
                .body("exemption", equalTo("RETIRED")).body("exemptionReason", equalTo("Nghỉ hưu từ 2020")).body("version", equalTo(0));
        as(secretary).queryParam("externalRef", p + "-3").when().get("/api/v1/members").then()
                .body("items[0].leader", equalTo(false)).body("items[0].exemption", nullValue());
        as(secretary).when().get("/api/v1/members/{id}/history", leader).then().body("items.kind", equalTo(List.of("REGISTERED")));
        as(secretary).when().get("/api/v1/members/{id}/history", exempt).then().body("items.kind", equalTo(List.of("REGISTERED")));

        // exemption and its reason only together
        importCsv(secretary, "externalRef,fullName,unitCode,category,exemption\n" + p + "-2,Trần Thị Miễn," + code + ",PARTY_MEMBER,OTHER\n")
                .statusCode(400).body("errors.field", hasItem("header"));
        importLines(secretary, "{\"externalRef\":\"" + p + "-2\",\"fullName\":\"Trần Thị Miễn\",\"unitCode\":\"" + code
                + "\",\"category\":\"PARTY_MEMBER\",\"exemption\":null}\n")
                .statusCode(400).body("errors.field", hasItem("line 1: exemptionReason"));

        // present but blank clears: the one update each, and no event from the imports before
        importCsv(secretary, "externalRef,fullName,unitCode,category,leader,positionTitle,exemption,exemptionReason\n"
                + p + "-1,Nguyễn Văn Lãnh," + code + ",PARTY_MEMBER,,,,\n"
                + p + "-2,Trần Thị Miễn," + code + ",PARTY_MEMBER,,,,\n")
                .statusCode(200).body("updated", equalTo(2)).body("unchanged", equalTo(0));
        as(secretary).when().get("/api/v1/members/{id}", leader).then()
                .body("leader", equalTo(false)).body("positionTitle", nullValue()).body("version", equalTo(1));
        as(secretary).when().get("/api/v1/members/{id}", exempt).then()
                .body("exemption", nullValue()).body("exemptionReason", nullValue()).body("version", equalTo(1));
        // the outbox sends in commit order: once the clearing import's events are there, any
        // event of the re-imports before would be too
        assertEquals(1, updatedEvents(leader), "member.updated events for " + leader);
        assertEquals(1, updatedEvents(exempt), "member.updated events for " + exempt);
    }

    @Test
    void anImportOfMoreThanTheRowLimitIsRefusedWithAClearMessage() {
        Fixtures.Tree tree = fixtures.tree();
        String p = prefix();
        StringBuilder csv = new StringBuilder("externalRef,fullName,unitId,category\n");
        for (int i = 1; i <= MemberImportParser.MAX_ROWS + 1; i++) {
            csv.append(p).append('-').append(i).append(",A,").append(tree.cellId()).append(",CITIZEN\n");
        }
        assertEquals(20_000, MemberImportParser.MAX_ROWS);
        importCsv(role("unit-officer", tree.provinceId()), csv.toString()).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("body"))
                .body("detail", containsString("more than 20000 rows")).body("detail", containsString("split"));
        assertEquals(0, fixtures.count("select count(*) from member where external_ref like '" + p + "-%'"));
    }

    private static UUID idOf(String token, String externalRef) {
        return UUID.fromString(as(token).queryParam("externalRef", externalRef).when().get("/api/v1/members").then()
                .statusCode(200).body("items", hasSize(1)).extract().path("items[0].id"));
    }

    /** How many member.updated events the topic holds for the member, once there is one. */
    private static long updatedEvents(UUID member) {
        java.util.function.Supplier<Long> count = () -> TestTopics.readAll(Topics.COMMITMENTS).stream()
                .filter(r -> member.toString().equals(r.key()) && CommitmentEvent.MEMBER_UPDATED.equals(TestTopics.header(r, "ce_type")))
                .count();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> count.get() > 0);
        return count.get();
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
