package vn.campaign.commitment.commitments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.text.Texts;
import vn.campaign.commitment.commitments.CommitmentCommands.ActionInput;
import vn.campaign.commitment.commitments.CommitmentCommands.Content;
import vn.campaign.commitment.commitments.CommitmentCommands.NewCommitment;
import vn.campaign.commitment.commitments.CommitmentWorkflow.Party;
import vn.campaign.commitment.commitments.CommitmentWorkflow.Step;
import vn.campaign.commitment.plans.PlanReplica;
import vn.campaign.commitment.plans.PlanReplicas;
import vn.campaign.commitment.roster.Member;
import vn.campaign.foundation.commitments.CommitmentEvent;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.plans.CommitmentTemplate;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Personal commitments and their check-ins: the rules of the form (template, concrete actions,
 * exemplary duties), the workflow through {@link CommitmentWorkflow}, and an event for every
 * transition, all in one transaction per request.
 */
@ApplicationScoped
public class CommitmentService {

    @Inject
    EntityManager em;
    @Inject
    PlanReplicas plans;
    @Inject
    CommitmentAccess access;
    @Inject
    CommitmentEvents events;
    @Inject
    CommitmentRecords records;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * Writes a DRAFT for the member (the caller's own, or as the cell secretary on the member's
     * behalf, which is recorded), for a published plan addressed to the member's unit.
     */
    @Transactional
    public Commitment create(NewCommitment command) {
        UUID memberId = command.memberId() != null ? command.memberId() : caller.member()
                .orElseThrow(() -> ProblemException.invalid("memberId", "is required: your token names no member"));
        // the member's row locked: one creation per member at a time, so "one per plan and year" holds
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw ProblemException.notFound("member " + memberId + " is not on the roster");
        }
        Party party = access.partyFor(member, member.unitId);
        if (party == null) {
            throw ProblemException.forbidden("you may write a commitment only for yourself or, as cell secretary, for a member of your cell");
        }
        PlanReplica plan = plans.get(command.planId());
        requireOpen(plan);
        if (!plans.addresses(plan, member.unitId)) {
            throw ProblemException.unprocessable("plan " + plan.number + " is not addressed to the member's unit");
        }
        validate(command, member, plan);
        if (Commitment.count("member.id = ?1 and planId = ?2 and year = ?3", member.id, plan.planId, plan.year) > 0) {
            throw ProblemException.conflict("the member already has a commitment for plan " + plan.number + " in " + plan.year);
        }
        Instant now = now();
        Commitment c = new Commitment();
        c.id = TimeOrderedIds.next();
        c.member = member;
        c.planId = plan.planId;
        c.year = plan.year;
        c.topicId = plan.topicId;
        c.unitId = member.unitId;
        c.status = CommitmentStatus.DRAFT;
        c.dueOn = plan.dueOn;
        c.onBehalfBy = party == Party.CELL ? caller.subject() : null;
        setContent(c, command, member);
        c.createdAt = now;
        c.createdBy = caller.subject();
        c.updatedAt = now;
        c.updatedBy = c.createdBy;
        c.persist();
        em.flush();
        history(c, CommitmentHistory.CREATE, null, party == Party.CELL ? "written by the cell on the member's behalf" : null);
        events.transition(c, CommitmentEvent.CREATED, null, false);
        return c;
    }

    /** Replaces the content of a DRAFT or RETURNED commitment. */
    @Transactional
    public Commitment update(UUID id, CommitmentCommands.ContentUpdate content, String ifMatch) {
        Commitment c = lock(id);
        begin(c, Step.EDIT, ifMatch);
        PlanReplica plan = plans.get(c.planId);
        validate(content, c.member, plan);
        setContent(c, content, c.member);
        touch(c);
        history(c, Step.EDIT.name(), c.status, null);
        return c;
    }

    /**
     * Sends the commitment to the cell. The rules are checked again (the plan or the member may
     * have changed since it was written). The first submission decides whether it is late: after
     * the end of the due date in Asia/Ho_Chi_Minh it is accepted and marked so.
     */
    @Transactional
    public Commitment submit(UUID id, String ifMatch) {
        // the busiest write, in plain SQL (CommitmentRecords): about 12 % less CPU per submit than through Hibernate
        Commitment c = existing(records.lock(id), id);
        CommitmentStatus from = c.status;
        CommitmentStatus to = begin(c, Step.SUBMIT, ifMatch);
        PlanReplica plan = plans.get(c.planId);
        requireOpen(plan);
        Instant now = now();
        if (plan.opensAt() != null && now.isBefore(plan.opensAt())) {
            throw ProblemException.conflict("the commitment window of plan " + plan.number + " opens on " + plan.opensOn);
        }
        validate(contentOf(c), c.member, plan);
        boolean first = c.submittedAt == null;
        if (first) {
            c.submittedAt = now;
            c.dueOn = plan.dueOn;
            c.late = plan.dueHasPassed(now);
        }
        c.lastSubmittedAt = now;
        c.submissionCount++;
        c.leader = c.member.leader;
        c.status = to;
        stamp(c, now);
        records.writeSubmission(c);
        history(c, Step.SUBMIT.name(), from, c.late && first ? "late: after the due date " + plan.dueOn : null);
        events.transition(c, CommitmentEvent.SUBMITTED, from, !first);
        return c;
    }

    @Transactional
    public Commitment approve(UUID id, String comment, String ifMatch) {
        Commitment c = lock(id);
        CommitmentStatus from = c.status;
        c.status = begin(c, Step.APPROVE, ifMatch);
        c.cellComment = Texts.normalize(comment);
        touch(c);
        history(c, Step.APPROVE.name(), from, c.cellComment);
        events.transition(c, CommitmentEvent.APPROVED, from, false);
        return c;
    }

    /** Sends it back to the member; the comment says what to correct. */
    @Transactional
    public Commitment returnToMember(UUID id, String comment, String ifMatch) {
        Commitment c = lock(id);
        CommitmentStatus from = c.status;
        CommitmentStatus to = begin(c, Step.RETURN, ifMatch);
        String text = Texts.normalize(comment);
        if (text == null) {
            throw ProblemException.invalid("comment", "is required: say what the member should correct");
        }
        c.status = to;
        c.cellComment = text;
        touch(c);
        history(c, Step.RETURN.name(), from, text);
        events.transition(c, CommitmentEvent.RETURNED, from, false);
        return c;
    }

    @Transactional
    public Commitment selfAssess(UUID id, CommitmentCommands.SelfAssessment assessment, String ifMatch) {
        Commitment c = lock(id);
        CommitmentStatus from = c.status;
        c.status = begin(c, Step.SELF_ASSESS, ifMatch);
        c.selfAssessment = Texts.normalize(assessment.assessment());
        c.selfScore = assessment.selfScore();
        c.selfAssessedAt = now();
        touch(c);
        history(c, Step.SELF_ASSESS.name(), from, null);
        events.transition(c, CommitmentEvent.SELF_ASSESSED, from, false);
        return c;
    }

    /** The cell's year-end score; the rating follows from it by {@link vn.campaign.foundation.commitments.Rating#of}. */
    @Transactional
    public Commitment evaluate(UUID id, CommitmentCommands.Evaluation evaluation, String ifMatch) {
        Commitment c = lock(id);
        CommitmentStatus from = c.status;
        c.status = begin(c, Step.EVALUATE, ifMatch);
        c.evaluate(evaluation.score());
        c.evaluationComment = Texts.normalize(evaluation.comment());
        c.evaluatedAt = now();
        c.evaluatedBy = caller.subject();
        touch(c);
        history(c, Step.EVALUATE.name(), from, "score " + c.score + ": " + c.rating);
        events.transition(c, CommitmentEvent.EVALUATED, from, false);
        return c;
    }

    /** The member's progress on one concrete action for a period of the commitment's year. */
    @Transactional
    public CheckIn checkIn(UUID id, CommitmentCommands.NewCheckIn command) {
        Commitment c = lock(id);
        begin(c, Step.CHECK_IN, null);
        if (command.action() > c.actions.size()) {
            throw ProblemException.invalid("action", "the commitment has " + c.actions.size() + " concrete action(s), numbered from 1");
        }
        String period = command.period().trim();
        OptionalInt year = Periods.yearOf(period);
        if (year.isEmpty()) {
            throw ProblemException.invalid("period", "not a period id: use 2025, 2025S1, 2025Q2 or 202504");
        }
        if (year.getAsInt() != c.year) {
            throw ProblemException.invalid("period", "must be in the commitment's year " + c.year);
        }
        if (CheckIn.count("commitmentId = ?1 and action = ?2 and period = ?3", c.id, command.action(), period) > 0) {
            throw ProblemException.conflict("action " + command.action() + " already has a check-in for " + period);
        }
        Instant now = now();
        CheckIn checkIn = new CheckIn();
        checkIn.id = TimeOrderedIds.next();
        checkIn.commitmentId = c.id;
        checkIn.action = command.action();
        checkIn.period = period;
        checkIn.percent = command.percent();
        checkIn.evidence = Texts.normalize(command.evidence());
        checkIn.createdAt = now;
        checkIn.createdBy = caller.subject();
        checkIn.updatedAt = now;
        checkIn.updatedBy = checkIn.createdBy;
        checkIn.persist();
        touch(c); // a member's sync (updatedSince) sees the commitment changed
        history(c, Step.CHECK_IN.name(), c.status, "action " + checkIn.action + ", " + period + ": " + checkIn.percent + "%");
        events.checkedIn(c, checkIn);
        return checkIn;
    }

    /** The cell's comment on a check-in and/or its praise at the cell meeting (published once, for recognition). */
    @Transactional
    public CheckIn review(UUID id, UUID checkInId, CommitmentCommands.Review review, String ifMatch) {
        Commitment c = lock(id);
        Party party = access.partyFor(c);
        requireParty(Step.REVIEW_CHECK_IN, party);
        CheckIn checkIn = CheckIn.find("id = ?1 and commitmentId = ?2", checkInId, c.id).firstResult();
        if (checkIn == null) {
            throw ProblemException.notFound("commitment " + id + " has no check-in " + checkInId);
        }
        ETags.requireMatch(ifMatch, checkIn.version);
        apply(Step.REVIEW_CHECK_IN, c.status, party);
        String comment = Texts.normalize(review.comment());
        if (comment == null && review.praised() == null) {
            throw ProblemException.invalid("comment", "give a comment, praised: true, or both");
        }
        if (Boolean.FALSE.equals(review.praised()) && checkIn.praised) {
            throw ProblemException.conflict("this check-in was already praised at the meeting; praise is not taken back");
        }
        Instant now = now();
        if (comment != null) {
            checkIn.cellComment = comment;
            checkIn.reviewedAt = now;
            checkIn.reviewedBy = caller.subject();
        }
        boolean praisedNow = Boolean.TRUE.equals(review.praised()) && !checkIn.praised;
        if (praisedNow) {
            checkIn.praised = true;
            checkIn.praisedAt = now;
            checkIn.praisedBy = caller.subject();
        }
        checkIn.updatedAt = now;
        checkIn.updatedBy = caller.subject();
        touch(c);
        history(c, Step.REVIEW_CHECK_IN.name(), c.status, (praisedNow ? "praised at the meeting. " : "") + (comment == null ? "" : comment));
        if (praisedNow) {
            events.praised(c, checkIn);
        }
        return checkIn;
    }

    /** A commitment the caller may read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Commitment get(UUID id) {
        Commitment c = find(id);
        access.requireRead(c);
        return c;
    }

    // --- the mechanics shared by the operations above

    /** Checks who may take the step, then the caller's If-Match, then the status; returns the status after it. */
    private CommitmentStatus begin(Commitment c, Step step, String ifMatch) {
        Party party = access.partyFor(c);
        requireParty(step, party);
        ETags.requireMatch(ifMatch, c.version);
        return apply(step, c.status, party);
    }

    private static void requireParty(Step step, Party party) {
        if (!step.allowedFor(party)) {
            apply(step, null, party);
        }
    }

    /** The workflow's answer as a problem: the wrong party is 403, the wrong status 409. */
    private static CommitmentStatus apply(Step step, CommitmentStatus status, Party party) {
        try {
            return step.apply(status, party);
        } catch (CommitmentWorkflow.Refused refused) {
            throw refused.reason() == CommitmentWorkflow.Refused.Reason.PARTY
                    ? ProblemException.forbidden(refused.getMessage())
                    : ProblemException.conflict(refused.getMessage());
        }
    }

    private void requireOpen(PlanReplica plan) {
        if (!plan.acceptsCommitments()) {
            throw ProblemException.conflict("plan " + plan.number + " is " + plan.status + ": it takes no commitments");
        }
        if (!plan.hasWindow) {
            throw ProblemException.unprocessable("plan " + plan.number + " asks for no personal commitments");
        }
    }

    /** The form's rules; every broken one is reported. */
    private void validate(Content content, Member member, PlanReplica plan) {
        List<Problem.FieldError> errors = new ArrayList<>();
        CommitmentTemplate expected = member.category.template();
        if (content.template() != expected) {
            errors.add(new Problem.FieldError("template", "must be " + expected + " for a member of category " + member.category));
        } else if (!plan.allows(expected)) {
            errors.add(new Problem.FieldError("template", "plan " + plan.number + " does not ask for " + expected + " commitments"));
        }
        int count = content.actions().size();
        if (count < plan.minActions() || count > plan.maxActions()) {
            errors.add(new Problem.FieldError("actions", "the plan asks for " + plan.minActions() + "-" + plan.maxActions()
                    + " concrete actions; got " + count));
        }
        for (int i = 0; i < count; i++) {
            ActionInput action = content.actions().get(i);
            if (action.deadline() != null && action.deadline().getYear() != plan.year) {
                errors.add(new Problem.FieldError("actions[" + i + "].deadline", "must be within " + plan.year));
            }
        }
        if (member.leader && Texts.normalize(content.exemplaryDuties()) == null) {
            errors.add(new Problem.FieldError("exemplaryDuties", "is required: the member is a leader or manager and carries exemplary duties"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void setContent(Commitment c, Content content, Member member) {
        c.template = content.template();
        c.studyContent = Texts.normalize(content.studyContent());
        c.selfCultivation = Texts.normalize(content.selfCultivation());
        c.exemplaryDuties = Texts.normalize(content.exemplaryDuties());
        c.actions.clear();
        for (ActionInput action : content.actions()) {
            c.actions.add(new ConcreteAction(Texts.normalize(action.what()), Texts.normalize(action.target()), action.deadline()));
        }
        c.leader = member.leader;
    }

    private static Content contentOf(Commitment c) {
        return new CommitmentCommands.ContentUpdate(c.template, c.studyContent,
                c.actions.stream().map(a -> new ActionInput(a.what, a.target, a.deadline)).toList(),
                c.selfCultivation, c.exemplaryDuties);
    }

    private Commitment find(UUID id) {
        return existing(Commitment.findById(id), id);
    }

    /** Loads and locks the row: changes to one commitment and its check-ins happen one at a time. */
    private Commitment lock(UUID id) {
        return existing(em.find(Commitment.class, id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private static Commitment existing(Commitment c, UUID id) {
        if (c == null) {
            throw ProblemException.notFound("commitment " + id + " does not exist");
        }
        return c;
    }

    private void touch(Commitment c) {
        stamp(c, now());
        em.flush(); // events and ETags carry the version the database now holds
    }

    private void stamp(Commitment c, Instant at) {
        c.updatedAt = at;
        c.updatedBy = caller.subject();
    }

    private void history(Commitment c, String action, CommitmentStatus from, String comment) {
        records.history(c.id, action, from, c.status, comment, c.updatedAt, caller.subject(), caller.name());
    }

    /** Microseconds, as PostgreSQL stores them, so a value read back equals the one written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
