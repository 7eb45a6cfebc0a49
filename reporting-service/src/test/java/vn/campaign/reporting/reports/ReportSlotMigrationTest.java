package vn.campaign.reporting.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V7 turns the report slots stored one per unit and period into one per unit. It runs here on a
 * temporary {@code aggregate_fact} (which hides the real one for this connection) holding slots in
 * the old form, and the transaction is rolled back.
 */
@QuarkusTest
class ReportSlotMigrationTest {

    private static final String PLAN = "6f1c2a52-8f0e-4c53-9d0b-1a2b3c4d5e6f";
    private static final String UNIT_A = "0a0a0a0a-0000-4000-8000-00000000000a";
    private static final String UNIT_B = "0b0b0b0b-0000-4000-8000-00000000000b";
    /** Unit B was merged into this one: its slots moved here but kept their keys. */
    private static final String SUCCESSOR = "0c0c0c0c-0000-4000-8000-00000000000c";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void slotsOfAUnitAndItsPeriodsBecomeOneFactWithTheSameContributions() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("create temporary table aggregate_fact (like public.aggregate_fact including all) on commit drop");
                String pathA = "p." + UNIT_A.replace("-", "");
                String pathSuccessor = "p." + SUCCESSOR.replace("-", "");
                sql.execute(slot(UNIT_A, "2025Q1", UNIT_A, pathA, "{\"2025Q1|reports.expected\": 1, \"2025Q1|reports.submitted\": 1}"));
                sql.execute(slot(UNIT_A, "2025Q2", UNIT_A, pathA, "{\"2025Q2|reports.expected\": 1, \"2025Q2|reports.overdue\": 1}"));
                sql.execute(slot(UNIT_B, "2025Q1", SUCCESSOR, pathSuccessor, "{\"2025Q1|reports.expected\": 1}"));
                sql.execute("""
                        insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at, group_key)
                        values ('plan-expected', '%s:%s', '%s', '%s', '{"2025|plans.received": 1}', 0, now(), '%s')"""
                        .formatted(PLAN, UNIT_A, UNIT_A, pathA, PLAN));

                sql.execute(migration());

                Map<String, String[]> slots = new LinkedHashMap<>();
                try (ResultSet rs = sql.executeQuery("""
                        select aggregate_id, unit_id, unit_path, contributions::text, group_key
                        from aggregate_fact where kind = 'report-slot' order by aggregate_id""")) {
                    while (rs.next()) {
                        slots.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                    }
                }
                assertEquals(2, slots.size(), "one slot per unit: " + slots.keySet());
                String[] a = slots.get(PLAN + ":" + UNIT_A);
                assertEquals(UNIT_A, a[0]);
                assertEquals(pathA, a[1]);
                assertEquals(json.readTree("""
                        {"2025Q1|reports.expected": 1, "2025Q1|reports.submitted": 1,
                         "2025Q2|reports.expected": 1, "2025Q2|reports.overdue": 1}"""), json.readTree(a[2]));
                assertEquals(PLAN, a[3]);
                String[] b = slots.get(PLAN + ":" + UNIT_B);
                assertEquals(SUCCESSOR, b[0], "the slot stays with the unit it was merged into");
                assertEquals(pathSuccessor, b[1]);
                JsonNode bContributions = json.readTree(b[2]);
                assertEquals(json.readTree("{\"2025Q1|reports.expected\": 1}"), bContributions);
                try (ResultSet rs = sql.executeQuery("select count(*) from aggregate_fact where kind = 'plan-expected'")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "other facts are left alone");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static String slot(String unitOfKey, String period, String unitId, String path, String contributions) {
        return """
                insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at, group_key)
                values ('report-slot', '%s:%s:%s', '%s', '%s', '%s', 0, now(), '%s')"""
                .formatted(PLAN, unitOfKey, period, unitId, path, contributions, PLAN);
    }

    private static String migration() throws Exception {
        try (InputStream in = ReportSlotMigrationTest.class.getResourceAsStream("/db/migration/V7__one_report_slot_per_unit.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
