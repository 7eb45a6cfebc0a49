package vn.campaign.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.plans.PlanEvent;
import vn.campaign.reporting.figures.Metrics;
import vn.campaign.reporting.figures.ReadModel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a published plan expects, kept from its state events: each expected unit has received it
 * ({@code plans.received}, the base of coverage), and owes a periodic report for every period of
 * the plan's reporting duties. Both are facts of the read model, replaced a plan at a time; a
 * report's slot also carries its state (submitted, on time, late, accepted, returned, overdue),
 * so completeness and timeliness roll up the tree like every other figure.
 * <p>
 * The expected units are those of plan-service's rule, applied to this service's replica of the
 * tree when the plan is published or amended: the recipients (a unit, or a subtree optionally
 * limited to some kinds), open units only, not the issuing unit.
 */
@ApplicationScoped
public class ReportSchedule {

    static final String EXPECTED = "plan-expected";
    static final String SLOT = "report-slot";

    /**
     * The slots of the expected units: one fact per unit holding every period of the plan's duties,
     * with what the report's state (or its absence) says on {@code :today}. One fact per unit and
     * period multiplied a national plan's facts by its periods (about seven), written at each
     * publication and replayed by each rebuild. The price: a report's change or a due date rewrites
     * all periods of the unit's or the plan's slots, not one. {@code %s} narrows the expected units.
     */
    private static final String SLOTS = """
            select e.aggregate_id, e.unit_id, e.unit_path, jsonb_object_agg(kv.key, kv.value) as contributions
            from aggregate_fact e
            join report_duty d on d.plan_id = cast(e.group_key as uuid)
            left join periodic_report r on r.plan_id = d.plan_id and r.unit_id = e.unit_id and r.period = d.period
            cross join lateral jsonb_each(jsonb_strip_nulls(jsonb_build_object(
                d.period || '|reports.expected', 1,
                d.period || '|reports.submitted', case when r.status in ('SUBMITTED', 'ACCEPTED') then 1 end,
                d.period || '|reports.onTime', case when r.status in ('SUBMITTED', 'ACCEPTED') and r.on_time then 1 end,
                d.period || '|reports.late', case when r.status in ('SUBMITTED', 'ACCEPTED') and not r.on_time then 1 end,
                d.period || '|reports.accepted', case when r.status = 'ACCEPTED' then 1 end,
                d.period || '|reports.returned', case when r.status = 'RETURNED' then 1 end,
                d.period || '|reports.overdue', case when coalesce(r.status, 'NONE') not in ('SUBMITTED', 'ACCEPTED')
                                                      and d.due_on < cast(:today as date) then 1 end))) kv
            where e.kind = 'plan-expected' and e.group_key = :group %s
            group by e.aggregate_id, e.unit_id, e.unit_path""";

    @Inject
    EntityManager em;
    @Inject
    ReadModel readModel;
    @Inject
    Clock clock;

    /** A plan's new state: its description, its duties, the units expecting it and the reports they owe. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public void apply(PlanEvent.PlanState plan) {
        boolean live = "PUBLISHED".equals(plan.status()) || "AMENDED".equals(plan.status());
        // checked before anything is written: a duty this version cannot read makes the event poison
        Map<String, LocalDate> dueDates = live && plan.reportingDuties() != null ? dueDates(plan.year(), plan.reportingDuties()) : Map.of();
        String group = plan.planId().toString();
        readModel.lockGroup(group);
        if (olderThanStored(plan)) {
            return; // a rebuild's replay beside the live consumer: the newer state is already here
        }
        em.createNativeQuery("""
                        insert into reported_plan (plan_id, number, title, issuing_unit_id, year, status, revision)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (plan_id) do update set number = excluded.number, title = excluded.title,
                            issuing_unit_id = excluded.issuing_unit_id, year = excluded.year, status = excluded.status,
                            revision = excluded.revision""")
                .setParameter(1, plan.planId()).setParameter(2, plan.number()).setParameter(3, plan.title())
                .setParameter(4, plan.issuingUnitId()).setParameter(5, plan.year()).setParameter(6, plan.status())
                .setParameter(7, plan.revision()).executeUpdate();
        if ("ARCHIVED".equals(plan.status())) {
            return; // an archived plan was carried out: what it expected still counts
        }
        LocalDate today = LocalDate.now(clock);
        em.createNativeQuery("delete from report_duty where plan_id = ?1").setParameter(1, plan.planId()).executeUpdate();
        for (Map.Entry<String, LocalDate> due : dueDates.entrySet()) {
            em.createNativeQuery("""
                            insert into report_duty (plan_id, period, due_on, overdue_applied) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, plan.planId()).setParameter(2, due.getKey()).setParameter(3, due.getValue())
                    .setParameter(4, due.getValue().isBefore(today)).executeUpdate();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("issuer", plan.issuingUnitId());
        parameters.put("today", today.toString());
        parameters.put("received", plan.year() + "|" + Metrics.PLANS_RECEIVED);
        String recipients = live ? recipientsSql(plan.recipients(), parameters) : null;
        readModel.replaceSet(EXPECTED, group, "true", """
                select :group || ':' || o.id as aggregate_id, o.id as unit_id, o.path as unit_path,
                       jsonb_build_object(:received, 1) as contributions
                from org_unit_replica o
                where o.id <> :issuer and (o.valid_to is null or o.valid_to > cast(:today as date))
                  and o.id in (""" + (recipients == null ? "select null::uuid where false" : recipients) + ")", parameters);
        readModel.replaceSet(SLOT, group, "true", SLOTS.formatted(""), Map.of("today", today.toString()));
    }

    /**
     * Whether the stored state of the plan is newer: a higher revision, or the same revision
     * withdrawn or archived (which ends a revision without starting another).
     */
    private boolean olderThanStored(PlanEvent.PlanState plan) {
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select revision, status from reported_plan where plan_id = ?1")
                .setParameter(1, plan.planId()).getResultList();
        if (stored.isEmpty()) {
            return false;
        }
        int revision = ((Number) stored.get(0)[0]).intValue();
        return revision > plan.revision() || revision == plan.revision() && ended((String) stored.get(0)[1]) && !ended(plan.status());
    }

    private static boolean ended(String status) {
        return "WITHDRAWN".equals(status) || "ARCHIVED".equals(status);
    }

    /** Recomputes the slot of a unit after the state of one of its reports changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(UUID planId, UUID unitId) {
        String group = planId.toString();
        readModel.lockGroup(group);
        readModel.replaceSet(SLOT, group, "aggregate_id = :slot", SLOTS.formatted("and e.aggregate_id = :slot"),
                Map.of("slot", group + ":" + unitId, "today", LocalDate.now(clock).toString()));
    }

    /** Marks every unsubmitted report of a plan overdue whose period's due date has passed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markOverdue(UUID planId) {
        String group = planId.toString();
        String today = LocalDate.now(clock).toString();
        readModel.lockGroup(group);
        readModel.replaceSet(SLOT, group, "true", SLOTS.formatted(""), Map.of("today", today));
        em.createNativeQuery("update report_duty set overdue_applied = true where plan_id = ?1 and due_on < cast(?2 as date)")
                .setParameter(1, planId).setParameter(2, today).executeUpdate();
    }

    /** Each period of the duties in the plan's year, with the day its report is due (the earliest when two duties name it). */
    static Map<String, LocalDate> dueDates(int year, List<PlanEvent.ReportingDuty> duties) {
        Map<String, LocalDate> due = new java.util.TreeMap<>();
        for (PlanEvent.ReportingDuty duty : duties) {
            Map<String, YearMonth> ends = new java.util.LinkedHashMap<>();
            switch (duty.periodType()) {
                case "QUARTER" -> {
                    for (int q = 1; q <= 4; q++) {
                        ends.put(year + "Q" + q, YearMonth.of(year, q * 3));
                    }
                }
                case "HALF_YEAR" -> {
                    ends.put(year + "S1", YearMonth.of(year, 6));
                    ends.put(year + "S2", YearMonth.of(year, 12));
                }
                case "YEAR" -> ends.put(String.valueOf(year), YearMonth.of(year, 12));
                default -> throw new PoisonEventException("unknown reporting period type " + duty.periodType());
            }
            ends.forEach((period, end) -> due.merge(period, end.atEndOfMonth().plusDays(duty.daysAfterPeriodEnd()),
                    (a, b) -> a.isBefore(b) ? a : b));
        }
        return due;
    }

    /** A query of the recipient units' ids; its parameters go into {@code parameters}. */
    private static String recipientsSql(List<PlanEvent.Recipient> recipients, Map<String, Object> parameters) {
        if (recipients == null || recipients.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            PlanEvent.Recipient r = recipients.get(i);
            parameters.put("r" + i, r.unitId());
            if (!r.includeSubtree()) {
                parts.add("select cast(:r" + i + " as uuid)");
            } else if (r.kinds() == null || r.kinds().isEmpty()) {
                parts.add("select s.id from org_unit_replica s join org_unit_replica t on t.id = :r" + i + " where s.path <@ t.path");
            } else {
                parameters.put("k" + i, String.join(",", r.kinds()));
                parts.add("select s.id from org_unit_replica s join org_unit_replica t on t.id = :r" + i
                        + " where s.path <@ t.path and s.kind = any(string_to_array(:k" + i + ", ','))");
            }
        }
        return String.join(" union all ", parts);
    }
}
