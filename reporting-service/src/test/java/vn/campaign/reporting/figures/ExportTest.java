package vn.campaign.reporting.figures;

import io.quarkus.test.junit.QuarkusTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;
import vn.campaign.localinfra.OrgUnitEvents;
import vn.campaign.localinfra.TestTopics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child breakdown as officials open it: CSV and XLSX read back, Vietnamese intact, one row per unit. */
@QuarkusTest
class ExportTest {

    @Test
    void theChildBreakdownExportsAsCsvAndXlsx() throws Exception {
        UUID p = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        OrgUnitEvents.send(p, "P-" + p, "Đảng bộ tỉnh Đồng Tháp", "PARTY_COMMITTEE", List.of(p), 0);
        OrgUnitEvents.send(a, "DT-MYTHO", "Đảng bộ phường Mỹ Tho", "PARTY_COMMITTEE", List.of(p, a), 0);
        OrgUnitEvents.send(b, "DT-CAOLANH", "Đảng bộ phường Cao Lãnh", "PARTY_COMMITTEE", List.of(p, b), 0);
        activity(List.of(p, a), 12, 11);
        activity(List.of(p, a), 12, 10);
        activity(List.of(p, b), 8, 8);

        String viewer = DevTokens.bearer("viewer", p);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}", p).then().body("figures.'attendance.attended'", equalTo(29)));
        // the figures may roll up along the events' paths before the replica has both communes: wait for them too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}/children", p).then().body("items", org.hamcrest.Matchers.hasSize(2)));

        byte[] csv = given().header("Authorization", viewer).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}/children/export", p)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("figures-2026.csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a BOM so Excel reads UTF-8");
        List<String> lines = text.substring(1).lines().toList();
        assertEquals("code,name,kind,activities.TOPICAL_MEETING,attendance.attended,attendance.expected", lines.get(0));
        assertEquals("DT-CAOLANH,Đảng bộ phường Cao Lãnh,PARTY_COMMITTEE,1,8,8", lines.get(1));
        assertEquals("DT-MYTHO,Đảng bộ phường Mỹ Tho,PARTY_COMMITTEE,2,21,24", lines.get(2));
        assertEquals(3, lines.size());

        byte[] xlsx = given().header("Authorization", viewer).queryParam("period", "2026").queryParam("format", "xlsx")
                .when().get("/api/v1/dashboards/units/{id}/children/export", p)
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(3, rows.size());
            assertEquals("name", rows.get(0).getCellText(1));
            assertEquals("Đảng bộ phường Mỹ Tho", rows.get(2).getCellText(1));
            assertEquals(21, rows.get(2).getCellAsNumber(4).orElseThrow().intValue());
        }

        // rankings and lagging units over the same breakdown: attendance rate = attended per expected
        given().header("Authorization", viewer).queryParam("period", "2026").queryParam("metric", "attendance.attended")
                .queryParam("per", "attendance.expected")
                .when().get("/api/v1/dashboards/units/{id}/rankings", p).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.contains("Đảng bộ phường Cao Lãnh", "Đảng bộ phường Mỹ Tho"))
                .body("rank", org.hamcrest.Matchers.contains(1, 2))
                .body("[1].value", equalTo(0.875f));
        given().header("Authorization", viewer).queryParam("period", "2026").queryParam("metric", "attendance.attended")
                .queryParam("per", "attendance.expected").queryParam("below", "0.9")
                .when().get("/api/v1/dashboards/units/{id}/lagging", p).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.contains("Đảng bộ phường Mỹ Tho"));
        given().header("Authorization", viewer).queryParam("period", "2026").queryParam("metric", "activities.TOPICAL_MEETING")
                .queryParam("order", "asc")
                .when().get("/api/v1/dashboards/units/{id}/rankings", p).then().statusCode(200)
                .body("name[0]", equalTo("Đảng bộ phường Cao Lãnh")).body("metric[0]", equalTo(1));
        given().header("Authorization", viewer).queryParam("period", "2026").queryParam("metric", "x'; drop table unit_figure")
                .when().get("/api/v1/dashboards/units/{id}/rankings", p).then().statusCode(400);
        given().header("Authorization", viewer).queryParam("period", "2026").queryParam("metric", "commitments.submitted")
                .queryParam("below", "many")
                .when().get("/api/v1/dashboards/units/{id}/lagging", p).then().statusCode(400);

        given().header("Authorization", viewer).queryParam("period", "2026").queryParam("format", "pdf")
                .when().get("/api/v1/dashboards/units/{id}/children/export", p).then().statusCode(400);
        given().header("Authorization", DevTokens.bearer("viewer", a)).queryParam("period", "2026")
                .when().get("/api/v1/dashboards/units/{id}/children/export", p).then().statusCode(403);
    }

    private static void activity(List<UUID> path, int expected, int attended) {
        UUID activity = UUID.randomUUID();
        String payload = "{\"planId\":\"" + UUID.randomUUID() + "\",\"activityId\":\"" + activity + "\",\"year\":2026,\"unitId\":\""
                + path.get(path.size() - 1) + "\",\"unitPath\":[\"" + path.get(0) + "\",\"" + path.get(1) + "\"],\"kind\":\"TOPICAL_MEETING\","
                + "\"heldOn\":\"2026-05-15\",\"participantsExpected\":" + expected + ",\"participantsAttended\":" + attended + "}";
        TestTopics.send("campaign.plans.v1", activity.toString(), payload,
                OrgUnitEvents.headers(UUID.randomUUID().toString(), "plan.activity-recorded.v1", activity.toString()));
    }
}
