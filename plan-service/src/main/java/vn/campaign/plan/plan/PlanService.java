package vn.campaign.plan.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.events.Topics;
import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.foundation.plans.CommitmentTemplate;
import vn.campaign.foundation.plans.CommitmentWindow;
import vn.campaign.foundation.plans.PlanEvent;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.text.Texts;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.plan.orgtree.OrgUnit;
import vn.campaign.plan.topic.Topic;
import vn.campaign.plan.topic.TopicService;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Plans through their lifecycle and cascade. Only the issuing unit's officers write a plan;
 * a published plan changes only by amendment, which keeps every revision. Every change others
 * need is published on the plans topic in the same transaction.
 */
@ApplicationScoped
public class PlanService {

    static final int DEFAULT_MIN_ACTIONS = 1;
    static final int DEFAULT_MAX_ACTIONS = 2;

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    TopicService topics;
    @Inject
    PlanQueries queries;
    @Inject
    ObjectMapper json;

    /** An implementation activity as a unit reports it. */
    @Schema(name = "ActivityRequest")
    public record ActivityRequest(
            @NotNull UUID unitId,
            @NotNull ActivityKind kind,
            @NotNull @Schema(example = "2024-04-10") LocalDate heldOn,
            @NotNull @Min(0) @Max(100000) Integer participantsExpected,
            @NotNull @Min(0) @Max(100000) Integer participantsAttended,
            @Size(max = 1000) List<@NotNull UUID> absentMemberIds,
            @Size(max = 4000) @CleanText(multiline = true) String notes) {
    }

    @Transactional
    public Plan create(PlanDocument document) {
        List<UUID> issuerPath = requireIssuer(document.issuingUnitId());
        Plan plan = new Plan();
        plan.id = TimeOrderedIds.next();
        plan.issuingUnitId = document.issuingUnitId();
        plan.issuingPath = UnitPaths.toLtree(issuerPath);
        plan.status = PlanStatus.DRAFT;
        plan.revision = 0;
        plan.createdAt = Instant.now();
        plan.createdBy = caller.subject();
        apply(plan, document);
        plan.persist();
        flushUnique(plan);
        return plan;
    }

    @Transactional
    public Plan updateDraft(UUID id, PlanDocument document, String ifMatch) {
        Plan plan = lockForIssuer(id, ifMatch);
        if (plan.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("plan " + plan.number + " is " + plan.status + ": a published plan changes only by amendment");
        }
        if (!plan.issuingUnitId.equals(document.issuingUnitId())) {
            throw ProblemException.invalid("issuingUnitId", "a plan cannot change its issuing unit");
        }
        apply(plan, document);
        flushUnique(plan);
        return plan;
    }

    @Transactional
    public Plan publish(UUID id, String ifMatch) {
        Plan plan = lockForIssuer(id, ifMatch);
        transition(plan, PlanStatus.PUBLISHED);
        requirePublishable(plan);
        plan.revision = 1;
        plan.publishedAt = Instant.now();
        touch(plan);
        materialiseRecipients(plan);
        recordRevision(plan, null);
        publishState(plan, PlanEvent.PUBLISHED);
        if (plan.parentPlanId != null) {
            linkToParent(plan);
        }
        return plan;
    }

    @Transactional
    public Plan amend(UUID id, PlanDocument document, String reason, String ifMatch) {
        Plan plan = lockForIssuer(id, ifMatch);
        transition(plan, PlanStatus.AMENDED);
        if (!plan.issuingUnitId.equals(document.issuingUnitId())) {
            throw ProblemException.invalid("issuingUnitId", "a plan cannot change its issuing unit");
        }
        if (!Objects.equals(plan.parentPlanId, document.parentPlanId())) {
            throw ProblemException.invalid("parentPlanId", "an amendment cannot change the plan it implements");
        }
        apply(plan, document);
        requirePublishable(plan);
        plan.revision++;
        flushUnique(plan);
        materialiseRecipients(plan);
        recordRevision(plan, reason);
        publishState(plan, PlanEvent.AMENDED);
        return plan;
    }

    @Transactional
    public Plan withdraw(UUID id, String reason, String ifMatch) {
        Plan plan = lockForIssuer(id, ifMatch);
        transition(plan, PlanStatus.WITHDRAWN);
        touch(plan);
        recordRevision(plan, reason);
        publishState(plan, PlanEvent.WITHDRAWN);
        return plan;
    }

    @Transactional
    public Plan archive(UUID id, String ifMatch) {
        Plan plan = lockForIssuer(id, ifMatch);
        transition(plan, PlanStatus.ARCHIVED);
        touch(plan);
        recordRevision(plan, null);
        publishState(plan, PlanEvent.ARCHIVED);
        return plan;
    }

    /** A recipient unit acknowledges receipt; acknowledging again changes nothing. */
    @Transactional
    public PlanQueries.ExpectedUnit acknowledge(UUID planId, UUID unitId) {
        Plan plan = queries.visible(planId);
        requireInForce(plan);
        List<UUID> unitPath = scope.requireWithin(unitId);
        requireExpected(plan, unitId);
        int changed = em.createNativeQuery("""
                        update plan_expected_unit set acknowledged_at = ?1, acknowledged_by = ?2
                        where plan_id = ?3 and unit_id = ?4 and acknowledged_at is null""")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, caller.subject())
                .setParameter(3, planId).setParameter(4, unitId).executeUpdate();
        if (changed == 1) {
            outbox.publish(Topics.PLANS, "plan", planId.toString(), PlanEvent.ACKNOWLEDGED,
                    new PlanEvent.Acknowledged(planId, plan.year, unitId, unitPath, Instant.now(), caller.actor()));
        }
        return queries.expectedUnit(planId, unitId);
    }

    /** A recipient unit links the plan it issued to implement this one (which names this one as parent). */
    @Transactional
    public PlanQueries.ExpectedUnit linkImplementation(UUID planId, UUID unitId, UUID implementingPlanId) {
        Plan plan = queries.visible(planId);
        requireInForce(plan);
        scope.requireWithin(unitId);
        Plan implementing = Plan.<Plan>findByIdOptional(implementingPlanId)
                .orElseThrow(() -> ProblemException.invalid("implementingPlanId", "no plan " + implementingPlanId));
        if (!implementing.issuingUnitId.equals(unitId) || !planId.equals(implementing.parentPlanId)) {
            throw ProblemException.invalid("implementingPlanId", "must be a plan issued by unit " + unitId + " that names plan " + planId + " as its parent");
        }
        if (!implementing.status.isInForce()) {
            throw ProblemException.conflict("the implementing plan must be published first");
        }
        requireExpected(plan, unitId);
        link(plan, unitId, implementing);
        return queries.expectedUnit(planId, unitId);
    }

    @Transactional
    public PlanActivity recordActivity(UUID planId, ActivityRequest request) {
        Plan plan = queries.visible(planId);
        requireInForce(plan);
        List<UUID> unitPath = scope.requireWithin(request.unitId());
        if (!request.unitId().equals(plan.issuingUnitId) && !queries.isAddressedTo(planId, UnitPaths.toLtree(unitPath))) {
            throw ProblemException.conflict("plan " + plan.number + " is not addressed to unit " + request.unitId());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.heldOn().isAfter(CampaignDates.today())) {
            errors.add(new Problem.FieldError("heldOn", "must not be in the future"));
        }
        if (request.heldOn().isBefore(plan.issueDate)) {
            errors.add(new Problem.FieldError("heldOn", "must not be before the plan's issue date " + plan.issueDate));
        }
        if (request.participantsAttended() > request.participantsExpected()) {
            errors.add(new Problem.FieldError("participantsAttended", "must not exceed participantsExpected"));
        }
        List<UUID> absent = request.absentMemberIds() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(request.absentMemberIds()));
        if (absent.size() > request.participantsExpected() - request.participantsAttended()) {
            errors.add(new Problem.FieldError("absentMemberIds", "more absentees than expected minus attended participants"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PlanActivity activity = new PlanActivity();
        activity.id = TimeOrderedIds.next();
        activity.planId = planId;
        activity.unitId = request.unitId();
        activity.unitPath = UnitPaths.toLtree(unitPath);
        activity.kind = request.kind();
        activity.heldOn = request.heldOn();
        activity.year = request.heldOn().getYear();
        activity.participantsExpected = request.participantsExpected();
        activity.participantsAttended = request.participantsAttended();
        activity.absentMemberIds = new ArrayList<>(absent);
        activity.notes = request.notes() == null ? null : nfc(request.notes());
        activity.createdAt = Instant.now();
        activity.createdBy = caller.subject();
        activity.persist();
        outbox.publish(Topics.PLANS, "plan", planId.toString(), PlanEvent.ACTIVITY_RECORDED,
                new PlanEvent.ActivityRecorded(planId, activity.id, activity.year, activity.unitId, unitPath, activity.kind.name(),
                        activity.heldOn, activity.participantsExpected, activity.participantsAttended, caller.actor()));
        return activity;
    }

    /** The document as its issuer wrote it, rebuilt from the stored plan. */
    public static PlanDocument documentOf(Plan plan) {
        Plan.Content c = plan.content;
        return new PlanDocument(plan.type, plan.number, plan.issuingUnitId, plan.issueDate, plan.title, plan.topicId,
                plan.parentPlanId, c.sections(), c.legalBases(), c.attachments(), c.recipients(), c.tasks(),
                c.commitmentWindow(), c.reportingDuties());
    }

    // --- mechanics

    private void apply(Plan plan, PlanDocument d) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (d.topicId() != null) {
            Topic topic = Topic.findById(d.topicId());
            if (topic == null) {
                errors.add(new Problem.FieldError("topicId", "no topic " + d.topicId()));
            } else {
                topics.requireVisible(topic);
                if (d.issueDate().getYear() < topic.startYear - 1 || d.issueDate().getYear() > topic.endYear) {
                    errors.add(new Problem.FieldError("topicId", "the topic covers " + topic.startYear + "-" + topic.endYear
                            + ", not a plan issued in " + d.issueDate().getYear()));
                }
            }
        }
        if (d.parentPlanId() != null) {
            Plan parent = Plan.findById(d.parentPlanId());
            if (parent == null || !parent.status.isIssued() || !queries.canSee(parent)) {
                errors.add(new Problem.FieldError("parentPlanId", "no published plan " + d.parentPlanId() + " addressed to you"));
            } else if (parent.id.equals(plan.id)) {
                errors.add(new Problem.FieldError("parentPlanId", "a plan cannot implement itself"));
            }
        }
        List<PlanDocument.Recipient> recipients = d.recipients() == null ? List.of() : d.recipients();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            PlanDocument.Recipient r = recipients.get(i);
            String field = "recipients[" + i + "].unitId";
            if (!seen.add(r.unitId())) {
                errors.add(new Problem.FieldError(field, "names unit " + r.unitId() + " twice"));
                continue;
            }
            OrgUnit unit = OrgUnit.findById(r.unitId());
            if (unit == null) {
                errors.add(new Problem.FieldError(field, "no unit " + r.unitId()));
            } else if (!UnitPaths.within(unit.pathIds(), UnitPaths.fromLtree(plan.issuingPath))) {
                errors.add(new Problem.FieldError(field, "a plan goes down the tree: unit " + unit.code + " is not under the issuing unit"));
            } else if (unit.id.equals(plan.issuingUnitId) && !r.includeSubtree()) {
                errors.add(new Problem.FieldError(field, "the issuing unit itself can only be a recipient with includeSubtree"));
            } else if (!unit.isOpenOn(CampaignDates.today())) {
                errors.add(new Problem.FieldError(field, "unit " + unit.code + " is closed"));
            }
        }
        validateWindow(d.commitmentWindow(), errors);
        List<PlanDocument.Task> tasks = new ArrayList<>();
        if (d.tasks() != null) {
            for (int i = 0; i < d.tasks().size(); i++) {
                PlanDocument.Task t = d.tasks().get(i);
                if (t.recurrence() != null && t.recurrence().minPerYear() != null && t.recurrence().activityKind() == null) {
                    errors.add(new Problem.FieldError("tasks[" + i + "].recurrence.activityKind", "is required with minPerYear"));
                }
                tasks.add(new PlanDocument.Task(t.id() == null ? TimeOrderedIds.next() : t.id(), nfc(t.title()),
                        listOrEmpty(t.assignedToKinds()), listOrEmpty(t.assignedToUnitIds()), t.deadline(), t.recurrence()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        plan.type = d.type();
        plan.number = nfc(d.number());
        plan.issueDate = d.issueDate();
        plan.year = d.issueDate().getYear();
        plan.title = nfc(d.title());
        plan.topicId = d.topicId();
        plan.parentPlanId = d.parentPlanId();
        plan.content = new Plan.Content(d.sections(), listOrEmpty(d.legalBases()), listOrEmpty(d.attachments()),
                recipients.stream().map(r -> new PlanDocument.Recipient(r.unitId(), r.includeSubtree(), listOrEmpty(r.kinds()))).toList(),
                tasks, normaliseWindow(d.commitmentWindow()), listOrEmpty(d.reportingDuties()));
        touch(plan);
    }

    private static void validateWindow(CommitmentWindow w, List<Problem.FieldError> errors) {
        if (w == null) {
            return;
        }
        if (w.dueOn() == null) {
            errors.add(new Problem.FieldError("commitmentWindow.dueOn", "is required"));
        }
        if (w.opensOn() != null && w.dueOn() != null && w.opensOn().isAfter(w.dueOn())) {
            errors.add(new Problem.FieldError("commitmentWindow.opensOn", "must not be after dueOn"));
        }
        int min = w.minActions() == null ? DEFAULT_MIN_ACTIONS : w.minActions();
        int max = w.maxActions() == null ? DEFAULT_MAX_ACTIONS : w.maxActions();
        if (min < 1 || min > 10) {
            errors.add(new Problem.FieldError("commitmentWindow.minActions", "must be between 1 and 10"));
        }
        if (max < 1 || max > 10) {
            errors.add(new Problem.FieldError("commitmentWindow.maxActions", "must be between 1 and 10"));
        }
        if (min > max) {
            errors.add(new Problem.FieldError("commitmentWindow.minActions", "must not exceed maxActions"));
        }
        if (w.templates() != null && w.templates().stream().anyMatch(Objects::isNull)) {
            errors.add(new Problem.FieldError("commitmentWindow.templates", "must not contain null"));
        }
    }

    private static CommitmentWindow normaliseWindow(CommitmentWindow w) {
        if (w == null) {
            return null;
        }
        List<CommitmentTemplate> templates = w.templates() == null || w.templates().isEmpty()
                ? List.copyOf(EnumSet.allOf(CommitmentTemplate.class)) : List.copyOf(new java.util.LinkedHashSet<>(w.templates()));
        return new CommitmentWindow(w.opensOn(), w.dueOn(), templates,
                w.minActions() == null ? DEFAULT_MIN_ACTIONS : w.minActions(),
                w.maxActions() == null ? DEFAULT_MAX_ACTIONS : w.maxActions(),
                w.exemptCategories() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(w.exemptCategories())));
    }

    private void requirePublishable(Plan plan) {
        if (plan.content.recipients().isEmpty()) {
            throw ProblemException.invalid("recipients", "a plan needs at least one recipient before it is published");
        }
        if (plan.parentPlanId != null) {
            Plan parent = Plan.findById(plan.parentPlanId);
            if (parent == null || !parent.status.isInForce()) {
                throw ProblemException.conflict("the superior plan is no longer in force");
            }
        }
    }

    /** Writes who the plan is addressed to and which units are expected to act; keeps the progress of units that stay. */
    private void materialiseRecipients(Plan plan) {
        em.createNativeQuery("delete from plan_recipient where plan_id = ?1").setParameter(1, plan.id).executeUpdate();
        for (PlanDocument.Recipient r : plan.content.recipients()) {
            OrgUnit unit = OrgUnit.findById(r.unitId());
            em.createNativeQuery("""
                            insert into plan_recipient (plan_id, unit_id, unit_path, include_subtree, kinds)
                            values (?1, ?2, cast(?3 as ltree), ?4, cast(?5 as text[]))""")
                    .setParameter(1, plan.id).setParameter(2, unit.id).setParameter(3, unit.path)
                    .setParameter(4, r.includeSubtree())
                    .setParameter(5, "{" + String.join(",", r.kinds().stream().map(Enum::name).toList()) + "}")
                    .executeUpdate();
        }
        String expected = PlanQueries.EXPECTED_UNITS;
        em.createNativeQuery("delete from plan_expected_unit e where e.plan_id = :plan and e.unit_id not in (select o.id " + expected + ")")
                .setParameter("plan", plan.id).setParameter("issuer", plan.issuingUnitId).setParameter("today", CampaignDates.today())
                .executeUpdate();
        em.createNativeQuery("insert into plan_expected_unit (plan_id, unit_id, unit_path) select distinct :plan, o.id, o.path "
                        + expected + " on conflict (plan_id, unit_id) do nothing")
                .setParameter("plan", plan.id).setParameter("issuer", plan.issuingUnitId).setParameter("today", CampaignDates.today())
                .executeUpdate();
    }

    /** Publishing a plan that implements a superior one links it there, if its issuer was expected to. */
    private void linkToParent(Plan plan) {
        Plan parent = Plan.findById(plan.parentPlanId);
        boolean expected = ((Number) em.createNativeQuery("select count(*) from plan_expected_unit where plan_id = ?1 and unit_id = ?2")
                .setParameter(1, parent.id).setParameter(2, plan.issuingUnitId).getSingleResult()).intValue() == 1;
        if (expected) {
            link(parent, plan.issuingUnitId, plan);
        }
    }

    private void link(Plan plan, UUID unitId, Plan implementing) {
        Instant now = Instant.now();
        List<UUID> unitPath = implementing.issuingPathIds();
        @SuppressWarnings("unchecked")
        List<Object> wasAcknowledged = em.createNativeQuery("""
                        select acknowledged_at is not null from plan_expected_unit where plan_id = ?1 and unit_id = ?2 for update""")
                .setParameter(1, plan.id).setParameter(2, unitId).getResultList();
        em.createNativeQuery("""
                        update plan_expected_unit set implementing_plan_id = ?1, implemented_at = ?2, implemented_by = ?3,
                               acknowledged_at = coalesce(acknowledged_at, ?2), acknowledged_by = coalesce(acknowledged_by, ?3)
                        where plan_id = ?4 and unit_id = ?5""")
                .setParameter(1, implementing.id).setParameter(2, Timestamp.from(now)).setParameter(3, caller.subject())
                .setParameter(4, plan.id).setParameter(5, unitId).executeUpdate();
        if (!wasAcknowledged.isEmpty() && !Boolean.TRUE.equals(wasAcknowledged.get(0))) {
            outbox.publish(Topics.PLANS, "plan", plan.id.toString(), PlanEvent.ACKNOWLEDGED,
                    new PlanEvent.Acknowledged(plan.id, plan.year, unitId, unitPath, now, caller.actor()));
        }
        outbox.publish(Topics.PLANS, "plan", plan.id.toString(), PlanEvent.IMPLEMENTATION_LINKED,
                new PlanEvent.ImplementationLinked(plan.id, plan.year, unitId, unitPath, implementing.id, now, caller.actor()));
    }

    private void recordRevision(Plan plan, String reason) {
        String document;
        try {
            document = json.writeValueAsString(documentOf(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                        insert into plan_revision (plan_id, revision, status, reason, document, recorded_at, recorded_by)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)
                        on conflict (plan_id, revision) do update set status = excluded.status, reason = excluded.reason,
                            document = excluded.document, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .setParameter(1, plan.id).setParameter(2, plan.revision).setParameter(3, plan.status.name())
                .setParameter(4, reason == null ? null : nfc(reason)).setParameter(5, document)
                .setParameter(6, Timestamp.from(Instant.now())).setParameter(7, caller.subject())
                .executeUpdate();
    }

    private void publishState(Plan plan, String type) {
        em.flush();
        Topic topic = plan.topicId == null ? null : Topic.findById(plan.topicId);
        List<PlanEvent.Recipient> recipients = plan.content.recipients().stream().map(r -> {
            OrgUnit unit = OrgUnit.findById(r.unitId());
            return new PlanEvent.Recipient(r.unitId(), unit.pathIds(), r.includeSubtree(), r.kinds().stream().map(Enum::name).toList());
        }).toList();
        List<PlanEvent.ReportingDuty> duties = plan.content.reportingDuties().stream()
                .map(d -> new PlanEvent.ReportingDuty(d.periodType().name(), d.daysAfterPeriodEnd())).toList();
        PlanEvent.PlanState state = new PlanEvent.PlanState(plan.id, plan.number, plan.type.name(), plan.title, plan.status.name(),
                plan.revision, plan.issuingUnitId, plan.issuingPathIds(), plan.year, plan.issueDate, plan.topicId,
                topic == null ? null : topic.title, plan.parentPlanId, recipients, queries.expectedCount(plan.id),
                plan.content.commitmentWindow(), duties, caller.actor());
        outbox.publish(Topics.PLANS, "plan", plan.id.toString(), type, state);
    }

    private Plan lockForIssuer(UUID id, String ifMatch) {
        Plan plan = Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("plan " + id + " does not exist"));
        if (!queries.canSee(plan)) {
            throw plan.status.isIssued() ? ProblemException.forbidden("plan " + id + " is not addressed to your unit")
                    : ProblemException.notFound("plan " + id + " does not exist");
        }
        requireIssuer(plan.issuingUnitId);
        em.lock(plan, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatch(ifMatch, plan.version);
        return plan;
    }

    /** Only the issuing unit's own officers (or an admin) write its plans. */
    private List<UUID> requireIssuer(UUID issuingUnitId) {
        List<UUID> path = scope.requireWithin(issuingUnitId);
        if (!scope.isAdmin() && !caller.unit().map(issuingUnitId::equals).orElse(false)) {
            throw ProblemException.forbidden("only officers of the issuing unit " + issuingUnitId + " may write its plans");
        }
        return path;
    }

    private void transition(Plan plan, PlanStatus target) {
        if (!plan.status.canBecome(target)) {
            throw ProblemException.conflict("plan " + plan.number + " is " + plan.status + " and cannot become " + target);
        }
        plan.status = target;
    }

    private static void requireInForce(Plan plan) {
        if (!plan.status.isInForce()) {
            throw ProblemException.conflict("plan " + plan.number + " is " + plan.status);
        }
    }

    private void requireExpected(Plan plan, UUID unitId) {
        if (!queries.isExpected(plan.id, unitId)) {
            throw ProblemException.conflict("unit " + unitId + " is not among the units plan " + plan.number + " expects to act");
        }
    }

    private void flushUnique(Plan plan) {
        if (Plan.count("issuingUnitId = ?1 and year = ?2 and upper(number) = upper(?3) and id <> ?4",
                plan.issuingUnitId, plan.year, plan.number, plan.id) > 0) {
            throw ProblemException.conflict("unit " + plan.issuingUnitId + " already has a plan numbered " + plan.number + " in " + plan.year);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (String.valueOf(rootMessage(e)).contains("plan_number")) {
                throw ProblemException.conflict("unit " + plan.issuingUnitId + " already has a plan numbered " + plan.number + " in " + plan.year);
            }
            throw e;
        }
    }

    private void touch(Plan plan) {
        plan.updatedAt = Instant.now();
        plan.updatedBy = caller.subject();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static String nfc(String text) {
        return Texts.normalize(text);
    }
}
