package vn.campaign.reporting.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.orgtree.OrgUnitReplica;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.reporting.figures.FigureQueries;
import vn.campaign.reporting.figures.Periods;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lifecycle of periodic reports. A unit's own officers write and submit its report; the
 * officers of a unit above it accept or return it. Every change updates the report's slot, so
 * completeness and timeliness are current up the tree.
 */
@ApplicationScoped
public class ReportService {

    private static final int MAX_TEXT = 20_000;

    @Inject
    EntityManager em;
    @Inject
    ReportSchedule schedule;
    @Inject
    FigureQueries figures;
    @Inject
    OrgUnitReplica units;
    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    /** The narrative parts of a report. */
    @Schema(name = "ReportNarrative")
    public record Narrative(
            @Size(max = MAX_TEXT) @CleanText(multiline = true) @Schema(description = "results achieved (kết quả đạt được)") String results,
            @Size(max = MAX_TEXT) @CleanText(multiline = true) @Schema(description = "shortcomings and causes (hạn chế, nguyên nhân)") String shortcomings,
            @Size(max = MAX_TEXT) @CleanText(multiline = true) @Schema(description = "next steps (phương hướng, nhiệm vụ)") String nextSteps) {
    }

    /** Begins the report a unit owes on a plan for a period. */
    @Schema(name = "NewReport")
    public record NewReport(@NotNull UUID planId, @NotNull UUID unitId,
                            @NotNull @Schema(example = "2026Q2") String period,
                            @Size(max = MAX_TEXT) @CleanText(multiline = true) String results,
                            @Size(max = MAX_TEXT) @CleanText(multiline = true) String shortcomings,
                            @Size(max = MAX_TEXT) @CleanText(multiline = true) String nextSteps) {
    }

    /** The superior unit's decision; a note is required when returning. */
    @Schema(name = "ReportDecision")
    public record Decision(@Size(max = 2000) @CleanText(multiline = true) String note) {
    }

    /** A report as its readers see it; while it is a draft or returned, {@code figures} are the live ones. */
    @Schema(name = "PeriodicReport")
    public record View(UUID id, UUID planId, String planNumber, String planTitle, UUID unitId, String unitCode, String unitName,
                       String period, LocalDate dueOn, ReportStatus status, boolean figuresLive, Map<String, Long> figures,
                       String results, String shortcomings, String nextSteps, Instant submittedAt, String submittedBy,
                       Boolean onTime, Instant decidedAt, String decidedBy, String decisionNote, long version,
                       Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    /** The slot a unit's report fills: expected because a plan's duty names the period. */
    record Slot(LocalDate dueOn, List<UUID> unitPath, String planNumber, String planTitle) {
    }

    @Transactional
    public PeriodicReport create(NewReport request) {
        String period = Periods.require("period", request.period());
        requireOwnUnit(request.unitId());
        Slot slot = slot(request.planId(), request.unitId(), period);
        PeriodicReport existing = find(request.planId(), request.unitId(), period);
        if (existing != null) {
            throw ProblemException.conflict("unit " + request.unitId() + " has begun this report already: /api/v1/reports/" + existing.id);
        }
        PeriodicReport r = new PeriodicReport();
        r.id = TimeOrderedIds.next();
        r.planId = request.planId();
        r.unitId = request.unitId();
        r.unitPath = UnitPaths.toLtree(slot.unitPath());
        r.period = period;
        r.dueOn = slot.dueOn();
        r.status = ReportStatus.DRAFT;
        r.figures = "{}";
        r.results = request.results();
        r.shortcomings = request.shortcomings();
        r.nextSteps = request.nextSteps();
        r.createdAt = clock.instant();
        r.createdBy = caller.subject();
        r.updatedAt = r.createdAt;
        r.updatedBy = r.createdBy;
        r.persist();
        return r;
    }

    @Transactional
    public PeriodicReport update(UUID id, Narrative narrative, String ifMatch) {
        PeriodicReport r = writable(id, ifMatch);
        r.results = narrative.results();
        r.shortcomings = narrative.shortcomings();
        r.nextSteps = narrative.nextSteps();
        touch(r);
        return r;
    }

    /** Sends the report up: its figures are frozen as they are now, and it is on time when sent by the end of its due date. */
    @Transactional
    public PeriodicReport submit(UUID id, String ifMatch) {
        PeriodicReport r = writable(id, ifMatch);
        if (r.results == null || r.results.isBlank()) {
            throw ProblemException.invalid("results", "write the results achieved before submitting the report");
        }
        // read everything first: a query after the first change would flush it, and a second flush counts a second version
        Slot slot = slot(r.planId, r.unitId, r.period);
        String snapshot = write(figures.figures(r.unitId, r.period));
        Instant now = clock.instant();
        r.dueOn = slot.dueOn();
        r.status = ReportStatus.SUBMITTED;
        r.figures = snapshot;
        r.submittedAt = now;
        r.submittedBy = caller.subject();
        r.onTime = !CampaignDates.isAfter(r.dueOn, now);
        r.decidedAt = null;
        r.decidedBy = null;
        touch(r);
        em.flush();
        schedule.refresh(r.planId, r.unitId);
        return r;
    }

    @Transactional
    public PeriodicReport accept(UUID id, Decision decision, String ifMatch) {
        return decide(id, ReportStatus.ACCEPTED, decision == null ? null : decision.note(), ifMatch);
    }

    @Transactional
    public PeriodicReport sendBack(UUID id, Decision decision, String ifMatch) {
        if (decision == null || decision.note() == null || decision.note().isBlank()) {
            throw ProblemException.invalid("note", "say why the report is returned and what to correct");
        }
        return decide(id, ReportStatus.RETURNED, decision.note(), ifMatch);
    }

    /** The report, when the caller's subtree holds its unit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PeriodicReport visible(UUID id) {
        PeriodicReport r = PeriodicReport.findById(id);
        if (r == null) {
            throw ProblemException.notFound("report " + id + " does not exist");
        }
        scope.requireWithin(r.unitId);
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View view(PeriodicReport r) {
        Object[] plan = (Object[]) em.createNativeQuery("select number, title from reported_plan where plan_id = ?1")
                .setParameter(1, r.planId).getResultStream().findFirst().orElse(new Object[]{null, null});
        OrgUnitReplica.ReplicatedUnit unit = units.find(r.unitId).orElse(null);
        boolean live = r.status.editable();
        return new View(r.id, r.planId, (String) plan[0], (String) plan[1], r.unitId, unit == null ? null : unit.code(),
                unit == null ? null : unit.name(), r.period, r.dueOn, r.status, live, live ? figures.figures(r.unitId, r.period) : read(r.figures),
                r.results, r.shortcomings, r.nextSteps, r.submittedAt, r.submittedBy, r.onTime, r.decidedAt, r.decidedBy, r.decisionNote,
                r.version, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy);
    }

    private PeriodicReport decide(UUID id, ReportStatus outcome, String note, String ifMatch) {
        PeriodicReport r = lockedForChange(id, ifMatch);
        scope.requireBelow(r.unitId);
        if (r.status != ReportStatus.SUBMITTED) {
            throw ProblemException.conflict("only a SUBMITTED report can be accepted or returned; this one is " + r.status);
        }
        r.status = outcome;
        r.decidedAt = clock.instant();
        r.decidedBy = caller.subject();
        r.decisionNote = note;
        touch(r);
        em.flush();
        schedule.refresh(r.planId, r.unitId);
        return r;
    }

    private PeriodicReport writable(UUID id, String ifMatch) {
        PeriodicReport r = lockedForChange(id, ifMatch);
        requireOwnUnit(r.unitId);
        if (!r.status.editable()) {
            throw ProblemException.conflict(r.status == ReportStatus.ACCEPTED
                    ? "the report was accepted and is locked"
                    : "the report was submitted; it can change again only if the superior unit returns it");
        }
        return r;
    }

    private PeriodicReport lockedForChange(UUID id, String ifMatch) {
        PeriodicReport r = visible(id);
        ETags.requireMatch(ifMatch, r.version);
        return r;
    }

    private void touch(PeriodicReport r) {
        r.updatedAt = clock.instant();
        r.updatedBy = caller.subject();
    }

    /** A unit's reports are written by its own officers (or an administrator). */
    private void requireOwnUnit(UUID unit) {
        scope.requireWithin(unit);
        if (!caller.isAdmin() && !caller.unit().map(unit::equals).orElse(false)) {
            throw ProblemException.forbidden("only the officers of unit " + unit + " write and submit its reports");
        }
    }

    private PeriodicReport find(UUID planId, UUID unitId, String period) {
        return PeriodicReport.<PeriodicReport>find("planId = ?1 and unitId = ?2 and period = ?3", planId, unitId, period)
                .firstResult();
    }

    private Slot slot(UUID planId, UUID unitId, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select d.due_on, e.unit_path::text, p.number, p.title
                        from aggregate_fact e
                        join report_duty d on d.plan_id = ?1 and d.period = ?3
                        join reported_plan p on p.plan_id = d.plan_id
                        where e.kind = 'plan-expected' and e.aggregate_id = ?2""")
                .setParameter(1, planId).setParameter(2, planId + ":" + unitId).setParameter(3, period).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("no published plan " + planId + " expects a report from unit " + unitId
                    + " for period " + period);
        }
        Object[] row = rows.get(0);
        return new Slot(ReportQueries.date(row[0]), UnitPaths.fromLtree((String) row[1]), (String) row[2], (String) row[3]);
    }

    private String write(Map<String, Long> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> read(String values) {
        try {
            return json.readValue(values, new TypeReference<java.util.TreeMap<String, Long>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored figures of a report", e);
        }
    }
}
