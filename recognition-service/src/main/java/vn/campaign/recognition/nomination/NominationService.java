package vn.campaign.recognition.nomination;

import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.text.Texts;
import vn.campaign.foundation.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.recognition.RecognitionEvent;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.recognition.unit.Authority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Nominations: written and submitted by the proposing unit, reviewed by the unit that holds
 * them, forwarded up the tree while the form is beyond that unit's authority, and decided by the
 * commendation council of the first unit with authority. Every step is recorded and published.
 */
@ApplicationScoped
public class NominationService {

    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Authority authority;
    @Inject
    NomineeDirectory nominees;

    /** A piece of evidence as the proposer writes it: a citation (reference) or a document/note. */
    @Schema(name = "EvidenceRequest")
    public record EvidenceRequest(
            @NotNull Nomination.EvidenceKind kind,
            @Schema(description = "commitment id (COMMITMENT, EVALUATION) or check-in id (CHECK_IN) of the nominee") UUID reference,
            @Size(max = 2000) @CleanText(multiline = true) String note) {
    }

    /** A nomination as the proposing unit writes it. */
    @Schema(name = "NominationRequest")
    public record NominationRequest(
            @NotNull NomineeType nomineeType,
            @NotNull @Schema(description = "member id, unit id (collective) or model id") UUID nomineeId,
            @NotNull UUID proposingUnitId,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
            UUID topicId,
            @NotBlank @Size(max = 10000) @CleanText(multiline = true) @Schema(example = "Hoàn thành xuất sắc cam kết năm 2026") String achievements,
            @Size(max = 50) List<@Valid @NotNull EvidenceRequest> evidence,
            @NotNull RecognitionForm form,
            @NotNull Nomination.Kind kind) {
    }

    /** A reviewer's or council's comment on a step. */
    @Schema(name = "StepNote")
    public record StepNote(@Size(max = 2000) @CleanText(multiline = true) String note) {
    }

    /** One recorded step of a nomination. */
    public record Step(NominationStatus fromStatus, NominationStatus toStatus, UUID unitId, String note, String actor, Instant at) {
    }

    @Transactional
    public Nomination create(NominationRequest request) {
        scope.requireRole(Roles.CELL_SECRETARY, Roles.UNIT_OFFICER);
        Nomination n = new Nomination();
        n.id = TimeOrderedIds.next();
        n.createdAt = Instant.now();
        n.createdBy = caller.subject();
        n.status = NominationStatus.DRAFT;
        apply(n, request);
        requireNoOtherOpen(n);
        n.persist();
        em.flush();
        step(n, null, "created", n.currentUnitId);
        publish(n, RecognitionEvent.NOMINATION_CREATED, null, null);
        return n;
    }

    @Transactional
    public Nomination update(UUID id, NominationRequest request, String ifMatch) {
        Nomination n = lockVisible(id);
        scope.requireRole(Roles.CELL_SECRETARY, Roles.UNIT_OFFICER);
        ETags.requireMatch(ifMatch, n.version);
        if (!n.status.isEditable()) {
            throw ProblemException.conflict("a " + n.status + " nomination cannot be edited");
        }
        if (!n.proposingUnitId.equals(request.proposingUnitId()) || n.nomineeType != request.nomineeType() || !n.nomineeId.equals(request.nomineeId())) {
            throw ProblemException.invalid("proposingUnitId", "a nomination keeps its proposing unit and nominee; withdraw-and-create instead");
        }
        apply(n, request);
        requireNoOtherOpen(n);
        em.flush();
        publish(n, RecognitionEvent.NOMINATION_UPDATED, null, null);
        return n;
    }

    /** DRAFT or RETURNED → SUBMITTED, by the proposing unit; the nomination goes to the proposing unit's own review. */
    @Transactional
    public Nomination submit(UUID id, String ifMatch) {
        Nomination n = lockVisible(id);
        scope.requireRole(Roles.CELL_SECRETARY, Roles.UNIT_OFFICER);
        ETags.requireMatch(ifMatch, n.version);
        List<UUID> proposing = n.proposingPathIds();
        // a unit's own collective commendation is decided above it
        List<UUID> deciders = Authority.ownCollective(n.nomineeType, n.nomineePathIds(), proposing)
                ? proposing.subList(0, proposing.size() - 1) : proposing;
        if (authority.decidingUnit(deciders, n.form).isEmpty()) {
            throw ProblemException.unprocessable("no unit above " + n.proposingUnitId + " may grant " + n.form);
        }
        requireNoOtherOpen(n);
        n.currentUnitId = n.proposingUnitId;
        n.currentPath = n.proposingPath;
        return transition(n, NominationStatus.SUBMITTED, RecognitionEvent.NOMINATION_SUBMITTED, null);
    }

    /** SUBMITTED or FORWARDED → UNDER_REVIEW, by an officer or the council of the unit holding it. */
    @Transactional
    public Nomination review(UUID id, String ifMatch) {
        Nomination n = lockVisible(id);
        requireHolder(n, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL);
        ETags.requireMatch(ifMatch, n.version);
        return transition(n, NominationStatus.UNDER_REVIEW, RecognitionEvent.NOMINATION_UNDER_REVIEW, null);
    }

    /**
     * UNDER_REVIEW → FORWARDED to the parent unit, allowed only while the holding unit may not
     * decide: the form is beyond its authority, or the nominee is the holding unit itself (a collective).
     */
    @Transactional
    public Nomination forward(UUID id, String note, String ifMatch) {
        Nomination n = lockVisible(id);
        requireHolder(n, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL);
        ETags.requireMatch(ifMatch, n.version);
        requireTransition(n, NominationStatus.FORWARDED);
        List<UUID> current = n.currentPathIds();
        if (mayDecide(n, current)) {
            throw ProblemException.conflict("unit " + n.currentUnitId + " may grant " + n.form + " itself: its council decides, nothing to forward");
        }
        if (current.size() < 2) {
            throw ProblemException.unprocessable("unit " + n.currentUnitId + " has no superior unit to forward to");
        }
        List<UUID> parent = current.subList(0, current.size() - 1);
        n.currentUnitId = parent.get(parent.size() - 1);
        n.currentPath = UnitPaths.toLtree(parent);
        return transition(n, NominationStatus.FORWARDED, RecognitionEvent.NOMINATION_FORWARDED, note);
    }

    /**
     * UNDER_REVIEW → APPROVED or REJECTED, by the commendation council of a unit with authority for
     * the form; a collective nominee must lie strictly below that unit.
     */
    @Transactional
    public Nomination decide(UUID id, boolean approve, String note, String ifMatch) {
        Nomination n = lockVisible(id);
        requireHolder(n, Roles.COMMENDATION_COUNCIL);
        ETags.requireMatch(ifMatch, n.version);
        NominationStatus target = approve ? NominationStatus.APPROVED : NominationStatus.REJECTED;
        requireTransition(n, target);
        if (!authority.mayGrant(n.currentPathIds(), n.form)) {
            throw ProblemException.conflict(n.form + " is beyond the authority of unit " + n.currentUnitId + "; forward the nomination");
        }
        if (Authority.ownCollective(n.nomineeType, n.nomineePathIds(), n.currentPathIds())) {
            throw ProblemException.conflict("unit " + n.currentUnitId + " cannot decide its own collective commendation; forward the nomination to the unit above");
        }
        n.decisionNote = note;
        return transition(n, target, approve ? RecognitionEvent.NOMINATION_APPROVED : RecognitionEvent.NOMINATION_REJECTED, note);
    }

    /**
     * UNDER_REVIEW → RETURNED to the proposing unit with a comment, by the unit holding it. The step
     * records the returning unit; the proposing unit holds the nomination again (to edit and resubmit).
     */
    @Transactional
    public Nomination returnToProposer(UUID id, String note, String ifMatch) {
        Nomination n = lockVisible(id);
        requireHolder(n, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL);
        ETags.requireMatch(ifMatch, n.version);
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid("note", "say what the proposing unit should correct");
        }
        requireTransition(n, NominationStatus.RETURNED);
        n.decisionNote = note;
        UUID returnedBy = n.currentUnitId;
        n.currentUnitId = n.proposingUnitId;
        n.currentPath = n.proposingPath;
        return transition(n, NominationStatus.RETURNED, RecognitionEvent.NOMINATION_RETURNED, note, returnedBy);
    }

    /** The nomination, if within the caller's subtree (by its proposing unit). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Nomination visible(UUID id) {
        Nomination n = Nomination.<Nomination>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("nomination " + id + " does not exist"));
        requireVisible(n);
        return n;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Step> steps(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                        select from_status, to_status, unit_id, note, actor_name, at from nomination_step
                        where nomination_id = ?1 order by id limit 500""")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Step(r[0] == null ? null : NominationStatus.valueOf((String) r[0]),
                NominationStatus.valueOf((String) r[1]), (UUID) r[2], (String) r[3], (String) r[4], NomineeDirectory.toInstant(r[5]))).toList();
    }

    /**
     * Nominations proposed within {@code unit}'s subtree (the caller's unit by default), or with
     * {@code heldBy} those a unit holds now; cursor (createdAt, id).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Nomination> list(UUID unit, UUID heldBy, Integer year, NominationStatus status, RecognitionForm form, Instant updatedSince,
                                 List<String> after, int limit) {
        List<UUID> root = unit != null ? scope.requireWithin(unit) : scope.isAdmin() ? null : scope.callerPath();
        if (heldBy != null) {
            scope.requireWithin(heldBy);
        }
        NativeSql sql = new NativeSql(em, "select n.* from nomination n where true")
                .andIf(root == null ? null : UnitPaths.toLtree(root), "n.proposing_path <@ cast(:root as ltree)", "root")
                .andIf(heldBy, "n.current_unit_id = :heldBy", "heldBy")
                .andIf(year, "n.year = :year", "year")
                .andIf(status == null ? null : status.name(), "n.status = :status", "status")
                .andIf(form == null ? null : form.name(), "n.form = :form", "form")
                .andIf(updatedSince == null ? null : java.sql.Timestamp.from(updatedSince), "n.updated_at > :since", "since");
        if (after != null) {
            sql.and("(n.created_at, n.id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid))").bind("afterAt", after.get(0)).bind("afterId", after.get(1));
        }
        return sql.append(" order by n.created_at, n.id").list(Nomination.class, limit + 1);
    }

    public boolean isFrozen(Nomination n) {
        return nominees.restriction(n.nomineeType, n.nomineeId).isPresent();
    }

    // --- rules shared by the transitions

    private Nomination transition(Nomination n, NominationStatus target, String eventType, String note) {
        return transition(n, target, eventType, note, n.currentUnitId);
    }

    /** {@code stepUnit}: the unit the step is recorded for (the holding unit after the step, unless the step hands it back). */
    private Nomination transition(Nomination n, NominationStatus target, String eventType, String note, UUID stepUnit) {
        requireTransition(n, target);
        requireNotFrozen(n.nomineeType, n.nomineeId);
        NominationStatus from = n.status;
        n.status = target;
        n.updatedAt = Instant.now();
        n.updatedBy = caller.subject();
        em.flush();
        step(n, from, note, stepUnit);
        publish(n, eventType, from, note);
        return n;
    }

    private static void requireTransition(Nomination n, NominationStatus target) {
        if (!n.status.canBecome(target)) {
            throw ProblemException.conflict("a " + n.status + " nomination cannot become " + target);
        }
    }

    void requireNotFrozen(NomineeType type, UUID id) {
        nominees.restriction(type, id).ifPresent(r -> {
            throw ProblemException.conflict("the nominee is under " + r.reason().toLowerCase() + "; its nominations are frozen until that is cleared");
        });
    }

    /** The unit at {@code unitPath} may approve or reject: it has authority for the form, and a collective nominee lies strictly below it. */
    private boolean mayDecide(Nomination n, List<UUID> unitPath) {
        return authority.mayGrant(unitPath, n.form) && !Authority.ownCollective(n.nomineeType, n.nomineePathIds(), unitPath);
    }

    /** The caller acts for the unit that holds the nomination now (its own unit, not one above). */
    private void requireHolder(Nomination n, String... roles) {
        scope.requireRole(roles);
        if (!scope.isAdmin() && !caller.unit().map(n.currentUnitId::equals).orElse(false)) {
            throw ProblemException.forbidden("nomination " + n.id + " is held by unit " + n.currentUnitId + "; only its " + String.join(" or ", roles) + " may act on it");
        }
    }

    private void requireVisible(Nomination n) {
        if (!scope.covers(n.proposingPathIds())) {
            throw ProblemException.forbidden("nomination " + n.id + " belongs to a unit outside your organisation's subtree");
        }
    }

    private Nomination lockVisible(UUID id) {
        Nomination n = Nomination.<Nomination>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("nomination " + id + " does not exist"));
        requireVisible(n);
        return n;
    }

    private void requireNoOtherOpen(Nomination n) {
        long others = ((Number) em.createNativeQuery("""
                        select count(*) from nomination where nominee_type = ?1 and nominee_id = ?2 and form = ?3 and year = ?4
                        and status not in ('APPROVED', 'REJECTED') and id <> ?5""")
                .setParameter(1, n.nomineeType.name()).setParameter(2, n.nomineeId).setParameter(3, n.form.name())
                .setParameter(4, n.year).setParameter(5, n.id).getSingleResult()).longValue();
        if (others > 0) {
            throw ProblemException.conflict("the nominee already has an open nomination for " + n.form + " in " + n.year);
        }
    }

    private void apply(Nomination n, NominationRequest request) {
        List<UUID> proposing = scope.requireWithin(request.proposingUnitId());
        NomineeDirectory.Nominee nominee = nominees.find(request.nomineeType(), request.nomineeId())
                .orElseThrow(() -> ProblemException.invalid("nomineeId", "no " + request.nomineeType().name().toLowerCase() + " " + request.nomineeId() + " is known here"));
        if (!UnitPaths.within(nominee.unitPath(), proposing)) {
            throw ProblemException.invalid("nomineeId", "the nominee does not belong to the proposing unit's subtree");
        }
        requireNotFrozen(nominee.type(), nominee.id());
        n.nomineeType = nominee.type();
        n.nomineeId = nominee.id();
        n.nomineeName = nominee.name();
        n.nomineeUnitId = nominee.unitId();
        n.nomineePath = UnitPaths.toLtree(nominee.unitPath());
        n.proposingUnitId = request.proposingUnitId();
        n.proposingPath = UnitPaths.toLtree(proposing);
        n.currentUnitId = request.proposingUnitId();
        n.currentPath = n.proposingPath;
        n.year = request.year();
        n.topicId = request.topicId();
        n.achievements = Texts.normalize(request.achievements());
        n.evidence = evidence(nominee, request.evidence());
        n.form = request.form();
        n.kind = request.kind();
        n.updatedAt = Instant.now();
        n.updatedBy = caller.subject();
    }

    /** Citations must name the nominee's own commitments and check-ins, as heard from commitment-service. */
    @SuppressWarnings("unchecked")
    private List<Nomination.Evidence> evidence(NomineeDirectory.Nominee nominee, List<EvidenceRequest> requests) {
        List<Nomination.Evidence> out = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (requests == null) {
            return out;
        }
        for (int i = 0; i < requests.size(); i++) {
            EvidenceRequest e = requests.get(i);
            String field = "evidence[" + i + "].reference";
            String note = Texts.normalize(e.note());
            String summary = null;
            switch (e.kind()) {
                case DOCUMENT, NOTE -> {
                    if (note == null || note.isBlank()) {
                        errors.add(new Problem.FieldError("evidence[" + i + "].note", "describe the document or write the note"));
                    }
                }
                case COMMITMENT, EVALUATION, CHECK_IN -> {
                    if (nominee.type() != NomineeType.MEMBER) {
                        errors.add(new Problem.FieldError(field, "only a member's nomination can cite commitments, check-ins and evaluations"));
                    } else if (e.reference() == null) {
                        errors.add(new Problem.FieldError(field, "required for " + e.kind()));
                    } else if (e.kind() == Nomination.EvidenceKind.CHECK_IN) {
                        List<Object[]> rows = em.createNativeQuery("select year, period, percent from member_check_in where check_in_id = ?1 and member_id = ?2")
                                .setParameter(1, e.reference()).setParameter(2, nominee.id()).getResultList();
                        if (rows.isEmpty()) {
                            errors.add(new Problem.FieldError(field, "no check-in " + e.reference() + " of the nominee is known"));
                        } else {
                            summary = "check-in " + rows.get(0)[1] + " " + rows.get(0)[0] + ": " + rows.get(0)[2] + "%";
                        }
                    } else {
                        List<Object[]> rows = em.createNativeQuery("select year, status, score, rating from member_commitment where commitment_id = ?1 and member_id = ?2")
                                .setParameter(1, e.reference()).setParameter(2, nominee.id()).getResultList();
                        if (rows.isEmpty()) {
                            errors.add(new Problem.FieldError(field, "no commitment " + e.reference() + " of the nominee is known"));
                        } else if (e.kind() == Nomination.EvidenceKind.EVALUATION && rows.get(0)[3] == null) {
                            errors.add(new Problem.FieldError(field, "commitment " + e.reference() + " has not been evaluated"));
                        } else {
                            Object[] r = rows.get(0);
                            summary = e.kind() == Nomination.EvidenceKind.EVALUATION
                                    ? "evaluated " + r[3] + " (" + r[2] + "/100) in " + r[0]
                                    : "commitment " + r[0] + ", " + r[1];
                        }
                    }
                }
            }
            out.add(new Nomination.Evidence(e.kind(), e.reference(), note, summary));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return out;
    }

    private void step(Nomination n, NominationStatus from, String note, UUID unit) {
        em.createNativeQuery("""
                        insert into nomination_step (nomination_id, from_status, to_status, unit_id, note, actor_subject, actor_name, at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())""")
                .setParameter(1, n.id).setParameter(2, from == null ? null : from.name()).setParameter(3, n.status.name())
                .setParameter(4, unit).setParameter(5, note).setParameter(6, caller.subject()).setParameter(7, caller.name())
                .executeUpdate();
    }

    private void publish(Nomination n, String type, NominationStatus from, String note) {
        outbox.publish(RecognitionEvent.TOPIC, RecognitionEvent.AGGREGATE_NOMINATION, n.id.toString(), type,
                new RecognitionEvent.NominationState(n.id, n.nomineeType.name(), n.nomineeId, n.proposingUnitId, n.proposingPathIds(),
                        n.currentUnitId, n.currentPathIds(), n.year, n.topicId, n.form.name(), n.kind.name(), n.status.name(),
                        from == null ? null : from.name(), note, n.version, n.updatedAt, caller.actor()));
    }
}
