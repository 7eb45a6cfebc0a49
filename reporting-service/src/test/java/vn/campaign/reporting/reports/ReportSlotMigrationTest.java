package vn.campaign.reporting.reports;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V7 turns the report slots stored one per unit and period into one per unit. It runs here on
 * temporary {@code aggregate_fact} and {@code unit_figure} tables (which hide the real ones for
 * this connection) holding slots in the old form and their figures, and the transaction is rolled
 * back.
 */
@QuarkusTest
class ReportSlotMigrationTest {

    private static final String PLAN = "6f1c2a52-8f0e-4c53-9d0b-1a2b3c4d5e6f";
    private static final String PROVINCE = "01010101-0000-4000-8000-000000000001";
    private static final String OLD_COMMUNE = "02020202-0000-4000-8000-000000000002";
    private static final String NEW_COMMUNE = "03030303-0000-4000-8000-000000000003";
    private static final String UNIT_A = "0a0a0a0a-0000-4000-8000-00000000000a";
    /** Moved from the old commune to the new one; one of its slots was left on the old path. */
    private static final String UNIT_B = "0b0b0b0b-0000-4000-8000-00000000000b";

    /** What the figures must be: every fact rolled up its path (the rebuild's recompute). */
    private static final String RECOMPUTED = """
            select cast(subpath(f.unit_path, i, 1)::text as uuid) as unit_id, split_part(kv.key, '|', 1) as period,
                   split_part(kv.key, '|', 2) as metric, sum(cast(kv.value as bigint)) as value
            from aggregate_fact f cross join lateral generate_series(0, nlevel(f.unit_path) - 1) i
            cross join lateral jsonb_each_text(f.contributions) kv
            group by 1, 2, 3 having sum(cast(kv.value as bigint)) <> 0""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void slotsOfAUnitBecomeOneFactWithTheSameContributionsAndTheFiguresFollowIt() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("create temporary table aggregate_fact (like public.aggregate_fact including all) on commit drop");
                sql.execute("create temporary table unit_figure (like public.unit_figure including all) on commit drop");
                String pathA = path(PROVINCE, OLD_COMMUNE, UNIT_A);
                String oldPathB = path(PROVINCE, OLD_COMMUNE, UNIT_B);
                String newPathB = path(PROVINCE, NEW_COMMUNE, UNIT_B);
                sql.execute(slot(UNIT_A, "2025Q1", pathA, "2025-01-01", "{\"2025Q1|reports.expected\": 1, \"2025Q1|reports.submitted\": 1}"));
                sql.execute(slot(UNIT_A, "2025Q2", pathA, "2025-01-01", "{\"2025Q2|reports.expected\": 1, \"2025Q2|reports.overdue\": 1}"));
                sql.execute(slot(UNIT_B, "2025Q1", oldPathB, "2025-01-01", "{\"2025Q1|reports.expected\": 1, \"2025Q1|reports.overdue\": 1}"));
                sql.execute(slot(UNIT_B, "2025Q2", newPathB, "2025-02-01", "{\"2025Q2|reports.expected\": 1}"));
                sql.execute("""
                        insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at, group_key)
                        values ('plan-expected', '%s:%s', '%s', '%s', '{"2025|plans.received": 1}', 0, now(), '%s')"""
                        .formatted(PLAN, UNIT_A, UNIT_A, pathA, PLAN));
                sql.execute("insert into unit_figure (unit_id, period, metric, value) " + RECOMPUTED);

                sql.execute(migration());

                Map<String, String[]> slots = new LinkedHashMap<>();
                try (ResultSet rs = sql.executeQuery("""
                        select aggregate_id, unit_id, unit_path, contributions::text, group_key
                        from aggregate_fact where kind = 'report-slot' order by aggregate_id""")) {
                    while (rs.next()) {
                        slots.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                    }
                }
                assertEquals(List.of(PLAN + ":" + UNIT_A, PLAN + ":" + UNIT_B), new ArrayList<>(slots.keySet()), "one slot per unit");
                String[] a = slots.get(PLAN + ":" + UNIT_A);
                assertEquals(List.of(UNIT_A, pathA, PLAN), List.of(a[0], a[1], a[3]));
                assertEquals(json.readTree("""
                        {"2025Q1|reports.expected": 1, "2025Q1|reports.submitted": 1,
                         "2025Q2|reports.expected": 1, "2025Q2|reports.overdue": 1}"""), json.readTree(a[2]));
                String[] b = slots.get(PLAN + ":" + UNIT_B);
                assertEquals(List.of(UNIT_B, newPathB), List.of(b[0], b[1]), "the unit's slot takes the path of its newest");
                assertEquals(json.readTree("""
                        {"2025Q1|reports.expected": 1, "2025Q1|reports.overdue": 1, "2025Q2|reports.expected": 1}"""), json.readTree(b[2]));
                try (ResultSet rs = sql.executeQuery("select count(*) from aggregate_fact where kind = 'plan-expected'")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "other facts are left alone");
                }
                Map<String, Long> stored = figures(sql, "select unit_id, period, metric, value from unit_figure where value <> 0");
                assertEquals(figures(sql, RECOMPUTED), stored, "the figures are those of the merged facts");
                assertEquals(1L, stored.get(OLD_COMMUNE + " 2025Q1 reports.expected"), "the old commune counts unit A only");
                assertEquals(1L, stored.get(NEW_COMMUNE + " 2025Q1 reports.overdue"), "unit B's first quarter counts where B is now");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static Map<String, Long> figures(Statement sql, String query) throws Exception {
        Map<String, Long> figures = new java.util.TreeMap<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                figures.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3), rs.getLong(4));
            }
        }
        return figures;
    }

    private static String path(String... units) {
        return String.join(".", java.util.Arrays.stream(units).map(u -> u.replace("-", "")).toList());
    }

    private static String slot(String unit, String period, String path, String updatedOn, String contributions) {
        return """
                insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at, group_key)
                values ('report-slot', '%s:%s:%s', '%s', '%s', '%s', 0, '%s', '%s')"""
                .formatted(PLAN, unit, period, unit, path, contributions, updatedOn, PLAN);
    }

    private static String migration() throws Exception {
        try (InputStream in = ReportSlotMigrationTest.class.getResourceAsStream("/db/migration/V7__one_report_slot_per_unit.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
