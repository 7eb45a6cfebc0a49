package vn.campaign.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.persistence.NativeSql;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.reporting.figures.FigureQueries;
import vn.campaign.reporting.figures.Metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reports expected within a subtree, with where each stands; completeness and timeliness from the rolled-up figures. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportQueries {

    @Inject
    EntityManager em;
    @Inject
    FigureQueries figures;
    @Inject
    Clock clock;

    /** Filters of the report list. */
    public record Filter(List<UUID> unitPath, String period, UUID planId, ReportStatus status, Boolean overdue) {
    }

    /** One expected report: the unit, the plan, the period, and its state ({@code NOT_STARTED} when nobody has begun it). */
    @Schema(name = "ReportSlot")
    public record Row(UUID unitId, String unitCode, String unitName, UUID planId, String planNumber, String planTitle, String period,
                      LocalDate dueOn, UUID reportId, ReportStatus status, Instant submittedAt, Boolean onTime, boolean overdue,
                      @Schema(hidden = true) String slot) {
    }

    /** Completeness (submitted / expected) and timeliness (on time / expected) of a unit's subtree for a period. */
    @Schema(name = "ReportCompleteness")
    public record Completeness(UUID unitId, String code, String name, String kind, String period, long expected, long submitted,
                               long onTime, long late, long overdue, long accepted, long returned, double completeness,
                               double timeliness) {
        public static Completeness of(FigureQueries.UnitFigures u) {
            Map<String, Long> f = u.figures();
            long expected = f.getOrDefault(Metrics.REPORTS_EXPECTED, 0L);
            long submitted = f.getOrDefault(Metrics.REPORTS_SUBMITTED, 0L);
            long onTime = f.getOrDefault(Metrics.REPORTS_ON_TIME, 0L);
            return new Completeness(u.unitId(), u.code(), u.name(), u.kind(), u.period(), expected, submitted, onTime,
                    f.getOrDefault(Metrics.REPORTS_LATE, 0L), f.getOrDefault(Metrics.REPORTS_OVERDUE, 0L), f.getOrDefault(Metrics.REPORTS_ACCEPTED, 0L),
                    f.getOrDefault(Metrics.REPORTS_RETURNED, 0L), ratio(submitted, expected), ratio(onTime, expected));
        }

        private static double ratio(long part, long whole) {
            return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
        }
    }

    /** Expected reports in the subtree, by unit name then slot; cursor (unit name, slot). */
    public List<Row> list(Filter filter, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, """
                select e.unit_id, o.code, coalesce(o.name, ''), p.plan_id, p.number, p.title, d.period, d.due_on, r.id,
                       coalesce(r.status, 'NOT_STARTED'), r.submitted_at, r.on_time,
                       coalesce(r.status, 'NONE') not in ('SUBMITTED', 'ACCEPTED') and d.due_on < cast(:today as date),
                       e.aggregate_id || ':' || d.period
                from aggregate_fact e
                join report_duty d on d.plan_id = cast(e.group_key as uuid)
                join reported_plan p on p.plan_id = d.plan_id
                left join org_unit_replica o on o.id = e.unit_id
                left join periodic_report r on r.plan_id = d.plan_id and r.unit_id = e.unit_id and r.period = d.period
                where e.kind = 'plan-expected' and e.unit_path <@ cast(:path as ltree)""")
                .bind("path", UnitPaths.toLtree(filter.unitPath())).bind("today", LocalDate.now(clock).toString())
                .andIf(filter.period(), "d.period = :period", "period")
                .andIf(filter.planId(), "d.plan_id = :plan", "plan")
                .andIf(filter.status() == null ? null : filter.status().name(), "coalesce(r.status, 'NOT_STARTED') = :status", "status");
        if (filter.overdue() != null) {
            sql.and((filter.overdue() ? "" : "not ")
                    + "(coalesce(r.status, 'NONE') not in ('SUBMITTED', 'ACCEPTED') and d.due_on < cast(:today as date))");
        }
        if (after != null) {
            sql.and("(coalesce(o.name, ''), e.aggregate_id || ':' || d.period) > (:afterName, :afterSlot)")
                    .bind("afterName", after.get(0)).bind("afterSlot", after.get(1));
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] r : sql.append(" order by 3, 14").rows(limit + 1)) {
            rows.add(new Row((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4], (String) r[5], (String) r[6],
                    date(r[7]), (UUID) r[8], ReportStatus.valueOf((String) r[9]), instant(r[10]), (Boolean) r[11], (Boolean) r[12],
                    (String) r[13]));
        }
        return rows;
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
