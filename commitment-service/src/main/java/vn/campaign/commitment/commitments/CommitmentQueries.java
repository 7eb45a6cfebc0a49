package vn.campaign.commitment.commitments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.commitment.Cursors;
import vn.campaign.foundation.persistence.NativeSql;
import vn.campaign.commitment.commitments.MemberStanding.Standing;
import vn.campaign.commitment.plans.PlanReplica;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of commitments, check-ins and the secretary's views, each one query with keyset
 * pagination in a stable order. Unit scope is the ltree of the replicated tree, read at query time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CommitmentQueries {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Filters of the commitment list; null means any. */
    public record Filter(UUID planId, Integer year, List<CommitmentStatus> statuses, Boolean late, UUID memberId) {
    }

    /** Commitments written in the subtree, by member name; cursor (name, id). Up to limit + 1 rows. */
    public List<Commitment> list(String underPath, Filter filter, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, """
                select c.* from commitment c join member m on m.id = c.member_id
                join org_unit_replica u on u.id = c.unit_id where true""");
        if (underPath != null) {
            sql.and("u.path <@ cast(:under as ltree)").bind("under", underPath);
        }
        if (filter.planId() != null) {
            sql.and("c.plan_id = :plan").bind("plan", filter.planId());
        }
        if (filter.year() != null) {
            sql.and("c.year = :year").bind("year", filter.year());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            sql.and("c.status in (:statuses)").bind("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.late() != null) {
            sql.and("c.late = :late").bind("late", filter.late());
        }
        if (filter.memberId() != null) {
            sql.and("c.member_id = :member").bind("member", filter.memberId());
        }
        if (after != null) {
            sql.and("(m.full_name, c.id) > (:afterName, :afterId)").bind("afterName", after.get(0)).bind("afterId", UUID.fromString(after.get(1)));
        }
        return sql.append(" order by m.full_name, c.id").list(Commitment.class, limit + 1);
    }

    /** A member's commitments changed after {@code since} (null: all), oldest change first; cursor (updatedAt, id). */
    public List<Commitment> changedSince(UUID memberId, Instant since, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select c.* from commitment c where c.member_id = :member").bind("member", memberId);
        if (since != null) {
            sql.and("c.updated_at > :since").bind("since", since);
        }
        if (after != null) {
            sql.and("(c.updated_at, c.id) > (:afterAt, :afterId)")
                    .bind("afterAt", Cursors.instant(after.get(0))).bind("afterId", UUID.fromString(after.get(1)));
        }
        return sql.append(" order by c.updated_at, c.id").list(Commitment.class, limit + 1);
    }

    /** Check-ins of a commitment by action and period; cursor (action, period). */
    public List<CheckIn> checkIns(UUID commitmentId, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select k.* from check_in k where k.commitment_id = :commitment").bind("commitment", commitmentId);
        if (after != null) {
            sql.and("(k.action_no, k.period) > (:afterAction, :afterPeriod)")
                    .bind("afterAction", Integer.parseInt(after.get(0))).bind("afterPeriod", after.get(1));
        }
        return sql.append(" order by k.action_no, k.period").list(CheckIn.class, limit + 1);
    }

    /** Every check-in of these commitments (a page of a member's sync). */
    public List<CheckIn> checkInsOf(List<UUID> commitmentIds) {
        if (commitmentIds.isEmpty()) {
            return List.of();
        }
        return CheckIn.list("commitmentId in ?1 order by action, period", commitmentIds);
    }

    public List<CommitmentHistory> history(UUID commitmentId, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select h.* from commitment_history h where h.commitment_id = :commitment").bind("commitment", commitmentId);
        if (after != null) {
            sql.and("h.seq > :afterSeq").bind("afterSeq", Cursors.number(after.get(0)));
        }
        return sql.append(" order by h.seq").list(CommitmentHistory.class, limit + 1);
    }

    /** How many commitments of the plan written in the subtree are in each status. */
    public Map<CommitmentStatus, Long> countsByStatus(UUID planId, String underPath) {
        NativeSql sql = new NativeSql(em, """
                select c.status, count(*) from commitment c join org_unit_replica u on u.id = c.unit_id
                where c.plan_id = :plan""").bind("plan", planId);
        if (underPath != null) {
            sql.and("u.path <@ cast(:under as ltree)").bind("under", underPath);
        }
        Map<CommitmentStatus, Long> counts = new EnumMap<>(CommitmentStatus.class);
        for (CommitmentStatus status : CommitmentStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : sql.append(" group by c.status").rows(CommitmentStatus.values().length)) {
            counts.put(CommitmentStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Members of the subtree expected to write a commitment for the plan who have not submitted
     * it, by name; cursor (name, id). Expected: in a unit the plan is addressed to (a recipient or
     * below one), of a category whose template the plan asks for, and not excused by an exemption
     * the plan accepts.
     */
    public List<MemberStanding> notSubmitted(PlanReplica plan, String underPath, List<String> after, int limit) {
        NativeSql sql = expected(plan, underPath).and("c.submitted_at is null");
        return standings(sql, after, limit, plan.dueHasPassed(clock.instant()));
    }

    /** Expected members who submitted after the due date, and (once it has passed) those who have not submitted at all. */
    public List<MemberStanding> late(PlanReplica plan, String underPath, List<String> after, int limit) {
        boolean overdue = plan.dueHasPassed(clock.instant());
        NativeSql sql = expected(plan, underPath).and(overdue ? "(coalesce(c.late, false) or c.submitted_at is null)" : "coalesce(c.late, false)");
        return standings(sql, after, limit, overdue);
    }

    private NativeSql expected(PlanReplica plan, String underPath) {
        NativeSql sql = new NativeSql(em, """
                select m.id, m.full_name, m.unit_id, m.category, m.leader, c.id as commitment_id, c.status, c.submitted_at, c.late
                from member m
                join org_unit_replica u on u.id = m.unit_id
                left join commitment c on c.member_id = m.id and c.plan_id = :plan and c.year = :year
                where exists (select 1 from org_unit_replica r where r.id in (:recipients) and u.path <@ r.path)""")
                .bind("plan", plan.planId).bind("year", plan.year).bind("recipients", plan.recipientIds);
        sql.and("m.category in (:categories)").bind("categories", plan.categories().stream().map(Enum::name).toList());
        List<ExemptionCategory> exemptions = plan.exemptions();
        if (!exemptions.isEmpty()) {
            sql.and("(m.exemption is null or m.exemption not in (:exemptions))").bind("exemptions", exemptions.stream().map(Enum::name).toList());
        }
        if (underPath != null) {
            sql.and("u.path <@ cast(:under as ltree)").bind("under", underPath);
        }
        return sql;
    }

    private static List<MemberStanding> standings(NativeSql sql, List<String> after, int limit, boolean overdue) {
        if (after != null) {
            sql.and("(m.full_name, m.id) > (:afterName, :afterId)").bind("afterName", after.get(0)).bind("afterId", UUID.fromString(after.get(1)));
        }
        List<MemberStanding> standings = new ArrayList<>();
        for (Object[] r : sql.append(" order by m.full_name, m.id").rows(limit + 1)) {
            Instant submittedAt = instant(r[7]);
            boolean late = Boolean.TRUE.equals(r[8]);
            Standing standing = submittedAt == null ? (overdue ? Standing.OVERDUE : Standing.NOT_SUBMITTED)
                    : late ? Standing.SUBMITTED_LATE : Standing.ON_TIME;
            standings.add(new MemberStanding((UUID) r[0], (String) r[1], (UUID) r[2], MemberCategory.valueOf((String) r[3]),
                    Boolean.TRUE.equals(r[4]), (UUID) r[5], r[6] == null ? null : CommitmentStatus.valueOf((String) r[6]),
                    submittedAt, standing));
        }
        return standings;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
