package vn.campaign.plan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.persistence.NativeSql;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.foundation.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reads of plans and their cascade. Who sees a plan: the issuing unit's line of command (its
 * own subtree sees drafts too), and once issued, every unit it is addressed to and the units
 * above those.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanQueries {

    /**
     * The units a plan expects to acknowledge it and issue implementing plans: the open units it
     * is addressed to, apart from its issuer — each single-unit recipient, and every unit of each
     * subtree recipient (only of its kinds, when it names some).
     * Parameters :plan, :issuer, :today.
     */
    static final String EXPECTED_UNITS = """
            from org_unit o join plan_recipient r on r.plan_id = :plan
            where o.id <> :issuer and (o.valid_to is null or o.valid_to > :today)
              and ((not r.include_subtree and o.id = r.unit_id)
                or (r.include_subtree and o.path <@ r.unit_path and (cardinality(r.kinds) = 0 or o.kind = any(r.kinds))))""";

    /** The caller (path :mine) is at or below a recipient, or a recipient lies in the caller's subtree. */
    private static final String ADDRESSED_TO_CALLER = """
            exists (select 1 from plan_recipient r where r.plan_id = p.id
                    and ((r.unit_path @> cast(:mine as ltree) and (r.include_subtree or r.unit_path = cast(:mine as ltree)))
                         or r.unit_path <@ cast(:mine as ltree)))""";

    @Inject
    EntityManager em;
    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    /** Filters of the plan list. */
    public record Filter(String text, UUID issuingUnitId, UUID recipientUnitId, Integer year, UUID topicId, PlanType type,
                         PlanStatus status) {
    }

    /** One expected unit's progress through the cascade. */
    @Schema(name = "CascadeUnit")
    public record ExpectedUnit(UUID unitId, String code, String name, OrgUnitKind kind, Instant acknowledgedAt,
                               UUID implementingPlanId, Instant implementedAt) {
    }

    /** How far the cascade has come below a unit. */
    @Schema(name = "CoverageCounts")
    public record Counts(long expected, long acknowledged, long implementingPlanIssued) {
    }

    /** A unit's tally of one kind of activity in a year, against a task's minimum. */
    @Schema(name = "TaskComplianceUnit")
    public record UnitCompliance(UUID unitId, String code, String name, OrgUnitKind kind, long held, boolean compliant) {
    }

    /** A recorded revision of a plan. */
    @Schema(name = "PlanRevision")
    public record Revision(int revision, PlanStatus status, String reason, Instant recordedAt, String recordedBy, JsonNode document) {
    }

    public Plan visible(UUID id) {
        Plan plan = Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("plan " + id + " does not exist"));
        if (!canSee(plan)) {
            // a draft's existence is the issuer's business; an issued plan not addressed to you is merely out of scope
            throw plan.status.isIssued() ? ProblemException.forbidden("plan " + id + " is not addressed to your unit")
                    : ProblemException.notFound("plan " + id + " does not exist");
        }
        return plan;
    }

    public boolean canSee(Plan plan) {
        if (scope.isAdmin() || scope.covers(plan.issuingPathIds())) {
            return true;
        }
        if (!plan.status.isIssued()) {
            return false;
        }
        return ((Number) em.createNativeQuery("select count(*) from plan p where p.id = :id and " + ADDRESSED_TO_CALLER)
                .setParameter("id", plan.id).setParameter("mine", UnitPaths.toLtree(scope.callerPath()))
                .getSingleResult()).longValue() > 0;
    }

    /** Plans the caller may see, newest issue date first; cursor (issueDate, id). */
    @SuppressWarnings("unchecked")
    public List<Plan> search(Filter filter, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select p.* from plan p where true");
        if (!scope.isAdmin()) {
            sql.and("(p.issuing_path <@ cast(:mine as ltree) or (p.status <> 'DRAFT' and " + ADDRESSED_TO_CALLER + "))")
                    .bind("mine", UnitPaths.toLtree(scope.callerPath()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String[] words = filter.text().trim().split("\\s+");
            for (int i = 0; i < words.length && i < 10; i++) {
                sql.and("p.search_text like '%' || campaign_fold(:w" + i + ") || '%' escape '\\'")
                        .bind("w" + i, words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
        }
        if (filter.recipientUnitId() != null) {
            List<UUID> recipientPath = scope.requireWithin(filter.recipientUnitId());
            sql.and("p.status <> 'DRAFT' and exists (select 1 from plan_recipient r where r.plan_id = p.id and"
                            + " (r.unit_id = :recipient or (r.include_subtree and r.unit_path @> cast(:recipientPath as ltree))))")
                    .bind("recipient", filter.recipientUnitId()).bind("recipientPath", UnitPaths.toLtree(recipientPath));
        }
        sql.andIf(filter.issuingUnitId(), "p.issuing_unit_id = :issuer", "issuer")
                .andIf(filter.year(), "p.year = :year", "year")
                .andIf(filter.topicId(), "p.topic_id = :topic", "topic")
                .andIf(filter.type() == null ? null : filter.type().name(), "p.type = :type", "type")
                .andIf(filter.status() == null ? null : filter.status().name(), "p.status = :status", "status");
        if (after != null) {
            sql.and("(p.issue_date, p.id) < (cast(:afterDate as date), cast(:afterId as uuid))")
                    .bind("afterDate", after.get(0)).bind("afterId", after.get(1));
        }
        return sql.append(" order by p.issue_date desc, p.id desc").list(Plan.class, limit + 1);
    }

    public boolean isAddressedTo(UUID planId, String unitLtree) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from plan_recipient r where r.plan_id = ?1
                        and (r.unit_path = cast(?2 as ltree) or (r.include_subtree and r.unit_path @> cast(?2 as ltree)))""")
                .setParameter(1, planId).setParameter(2, unitLtree).getSingleResult()).longValue() > 0;
    }

    public boolean isExpected(UUID planId, UUID unitId) {
        return ((Number) em.createNativeQuery("select count(*) from plan_expected_unit where plan_id = ?1 and unit_id = ?2")
                .setParameter(1, planId).setParameter(2, unitId).getSingleResult()).longValue() > 0;
    }

    public int expectedCount(UUID planId) {
        return ((Number) em.createNativeQuery("select count(*) from plan_expected_unit where plan_id = ?1")
                .setParameter(1, planId).getSingleResult()).intValue();
    }

    public ExpectedUnit expectedUnit(UUID planId, UUID unitId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(EXPECTED_SELECT + " where e.plan_id = :plan and e.unit_id = :unit")
                .setParameter("plan", planId).setParameter("unit", unitId).getResultList();
        return rows.stream().findFirst().map(PlanQueries::expectedUnit)
                .orElseThrow(() -> ProblemException.notFound("unit " + unitId + " is not expected to act on plan " + planId));
    }

    /** The subtree a caller's view of a plan's cascade covers by default: all of it for the issuer's line, else their own. */
    public String defaultScopeOf(Plan plan, UUID under) {
        if (under != null) {
            List<UUID> path = scope.isAdmin() || scope.covers(plan.issuingPathIds()) ? scope.pathOf(under) : scope.requireWithin(under);
            return UnitPaths.toLtree(path);
        }
        return scope.isAdmin() || scope.covers(plan.issuingPathIds()) ? plan.issuingPath : UnitPaths.toLtree(scope.callerPath());
    }

    public Counts counts(UUID planId, String underPath) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), count(acknowledged_at), count(implementing_plan_id)
                        from plan_expected_unit where plan_id = ?1 and unit_path <@ cast(?2 as ltree)""")
                .setParameter(1, planId).setParameter(2, underPath).getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    /** Expected units below {@code underPath} without an implementing plan yet, by name; cursor (name, id). */
    @SuppressWarnings("unchecked")
    public List<ExpectedUnit> laggards(UUID planId, String underPath, List<String> after, int limit) {
        String sql = EXPECTED_SELECT + " where e.plan_id = :plan and e.unit_path <@ cast(:under as ltree) and e.implementing_plan_id is null"
                + (after == null ? "" : " and (o.name, o.id) > (:afterName, cast(:afterId as uuid))")
                + " order by o.name, o.id";
        Query query = em.createNativeQuery(sql).setParameter("plan", planId).setParameter("under", underPath);
        if (after != null) {
            query.setParameter("afterName", after.get(0)).setParameter("afterId", after.get(1));
        }
        return ((List<Object[]>) query.setMaxResults(limit + 1).getResultList()).stream().map(PlanQueries::expectedUnit).toList();
    }

    /** Activities of units below {@code underPath}, newest first; cursor (heldOn, id). */
    @SuppressWarnings("unchecked")
    public List<PlanActivity> activities(UUID planId, String underPath, ActivityKind kind, Integer year, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select a.* from plan_activity a where a.plan_id = :plan and a.unit_path <@ cast(:under as ltree)")
                .bind("plan", planId).bind("under", underPath)
                .andIf(kind == null ? null : kind.name(), "a.kind = :kind", "kind")
                .andIf(year, "a.year = :year", "year");
        if (after != null) {
            sql.and("(a.held_on, a.id) < (cast(:afterDate as date), cast(:afterId as uuid))")
                    .bind("afterDate", after.get(0)).bind("afterId", after.get(1));
        }
        return sql.append(" order by a.held_on desc, a.id desc").list(PlanActivity.class, limit + 1);
    }

    /**
     * For a recurring task ("at least N topical meetings a year"): the addressed units it applies
     * to below {@code underPath}, with how many activities of the task's kind each held in the year.
     */
    @SuppressWarnings("unchecked")
    public List<UnitCompliance> compliance(Plan plan, PlanDocument.Task task, int year, String underPath, List<String> after, int limit) {
        Query query = complianceQuery(plan, task, year, underPath,
                "select x.id, x.code, x.name, x.kind, x.held from (" + COMPLIANCE_UNITS + ") x"
                        + (after == null ? "" : " where (x.name, x.id) > (:afterName, cast(:afterId as uuid))")
                        + " order by x.name, x.id");
        if (after != null) {
            query.setParameter("afterName", after.get(0)).setParameter("afterId", after.get(1));
        }
        int min = task.recurrence().minPerYear() == null ? 1 : task.recurrence().minPerYear();
        return ((List<Object[]>) query.setMaxResults(limit + 1).getResultList()).stream()
                .map(r -> new UnitCompliance((UUID) r[0], (String) r[1], (String) r[2], OrgUnitKind.valueOf((String) r[3]),
                        ((Number) r[4]).longValue(), ((Number) r[4]).longValue() >= min))
                .toList();
    }

    /** How many units the task applies to below {@code underPath}, and how many met its minimum. */
    public long[] complianceTotals(Plan plan, PlanDocument.Task task, int year, String underPath) {
        Query query = complianceQuery(plan, task, year, underPath,
                "select count(*), count(*) filter (where x.held >= :min) from (" + COMPLIANCE_UNITS + ") x");
        query.setParameter("min", task.recurrence().minPerYear() == null ? 1 : task.recurrence().minPerYear());
        Object[] row = (Object[]) query.getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    @SuppressWarnings("unchecked")
    public List<Revision> revisions(UUID planId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select revision, status, reason, recorded_at, recorded_by, document::text
                        from plan_revision where plan_id = ?1 order by revision""")
                .setParameter(1, planId).getResultList();
        return rows.stream().map(r -> {
            try {
                return new Revision(((Number) r[0]).intValue(), PlanStatus.valueOf((String) r[1]), (String) r[2], instant(r[3]),
                        (String) r[4], json.readTree((String) r[5]));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /**
     * Units a task applies to: every open unit the plan reaches (recipient kinds say who must
     * issue implementing plans, not who holds meetings) that has the task's kinds or is named by it.
     */
    private static final String COMPLIANCE_UNITS = """
            select distinct o.id, o.code, o.name, o.kind,
                   (select count(*) from plan_activity a where a.plan_id = :plan and a.unit_id = o.id
                                                          and a.year = :year and a.kind = :activityKind) as held
            from org_unit o join plan_recipient r on r.plan_id = :plan
            where o.id <> :issuer and (o.valid_to is null or o.valid_to > :today)
             and (o.id = r.unit_id or (r.include_subtree and o.path <@ r.unit_path))
             and o.path <@ cast(:under as ltree)
             and (cast(:kinds as text[]) = '{}' or o.kind = any(cast(:kinds as text[])))
             and (cast(:units as uuid[]) = '{}' or o.id = any(cast(:units as uuid[])))""";

    private Query complianceQuery(Plan plan, PlanDocument.Task task, int year, String underPath, String sql) {
        return em.createNativeQuery(sql)
                .setParameter("plan", plan.id).setParameter("issuer", plan.issuingUnitId)
                .setParameter("today", CampaignDates.today()).setParameter("year", year)
                .setParameter("activityKind", task.recurrence().activityKind().name())
                .setParameter("under", underPath)
                .setParameter("kinds", "{" + String.join(",", task.assignedToKinds().stream().map(Enum::name).toList()) + "}")
                .setParameter("units", NativeSql.uuidArray(task.assignedToUnitIds()));
    }

    private static final String EXPECTED_SELECT = """
            select e.unit_id, o.code, o.name, o.kind, e.acknowledged_at, e.implementing_plan_id, e.implemented_at
            from plan_expected_unit e join org_unit o on o.id = e.unit_id""";

    private static ExpectedUnit expectedUnit(Object[] r) {
        return new ExpectedUnit((UUID) r[0], (String) r[1], (String) r[2], OrgUnitKind.valueOf((String) r[3]),
                instant(r[4]), (UUID) r[5], instant(r[6]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

}
