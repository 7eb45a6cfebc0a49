package vn.campaign.recognition.award;

import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.text.Texts;
import vn.campaign.foundation.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.commitments.CommitmentEvent;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.recognition.RecognitionEvent;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.foundation.security.Actor;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.recognition.nomination.Nomination;
import vn.campaign.recognition.nomination.NominationStatus;
import vn.campaign.recognition.nomination.NomineeDirectory;
import vn.campaign.recognition.unit.Authority;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Award decisions: from approved nominations or entered directly, by the granting unit; praises heard from cell meetings. */
@ApplicationScoped
public class AwardService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

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

    /** A recipient entered directly (without a nomination). */
    @Schema(name = "AwardRecipientRequest")
    public record RecipientRequest(@NotNull NomineeType nomineeType, @NotNull UUID nomineeId,
                                   @NotBlank @Size(max = 2000) @CleanText(multiline = true) String achievement) {
    }

    /** An award decision: approved nominations and/or direct recipients. */
    @Schema(name = "AwardRequest")
    public record AwardRequest(
            @NotBlank @Size(max = 100) @CleanText @Schema(example = "125/QĐ-UBND") String decisionNumber,
            @NotNull @Schema(example = "2026-12-20") LocalDate decidedOn,
            @NotNull UUID grantingUnitId,
            @NotNull RecognitionForm form,
            @Size(max = 500) List<@NotNull UUID> nominationIds,
            @Size(max = 500) List<@Valid @NotNull RecipientRequest> recipients) {
    }

    @Transactional
    public Award create(AwardRequest request) {
        List<UUID> granting = requireGrantor(request.grantingUnitId());
        if (request.decidedOn().isAfter(LocalDate.now(VIETNAM)) || request.decidedOn().getYear() < 2000) {
            throw ProblemException.invalid("decidedOn", "must be a date from 2000 up to today");
        }
        if (!authority.mayGrant(granting, request.form())) {
            throw ProblemException.invalid("form", request.form() + " is beyond the authority of unit " + request.grantingUnitId());
        }
        List<UUID> nominationIds = request.nominationIds() == null ? List.of() : request.nominationIds();
        List<RecipientRequest> direct = request.recipients() == null ? List.of() : request.recipients();
        if (nominationIds.isEmpty() && direct.isEmpty()) {
            throw ProblemException.invalid("recipients", "an award needs approved nominations or recipients");
        }
        if (new HashSet<>(nominationIds).size() != nominationIds.size()) {
            throw ProblemException.invalid("nominationIds", "a nomination is listed twice");
        }
        Award award = new Award();
        award.id = TimeOrderedIds.next();
        List<Award.Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < nominationIds.size(); i++) {
            UUID id = nominationIds.get(i);
            Nomination n = em.find(Nomination.class, id, LockModeType.PESSIMISTIC_WRITE);
            String field = "nominationIds[" + i + "]";
            if (n == null || !scope.covers(n.proposingPathIds())) {
                throw ProblemException.invalid(field, "no nomination " + id + " within your subtree");
            }
            if (n.status != NominationStatus.APPROVED || !n.currentUnitId.equals(request.grantingUnitId()) || n.form != request.form()) {
                throw ProblemException.invalid(field, "must be a nomination for " + request.form() + " approved by unit " + request.grantingUnitId());
            }
            if (n.awardId != null) {
                throw ProblemException.invalid(field, "already in award " + n.awardId);
            }
            if (Authority.ownCollective(n.nomineeType, n.nomineePathIds(), granting)) {
                throw ProblemException.invalid(field, "unit " + n.nomineeId + " cannot grant its own collective commendation; a unit above it does");
            }
            // the nominee may have been put under discipline or inspection since the approval
            if (nominees.restriction(n.nomineeType, n.nomineeId).isPresent()) {
                throw ProblemException.conflict("recipient " + n.nomineeId + " is under discipline or inspection");
            }
            n.awardId = award.id;
            recipients.add(new Award.Recipient(n.nomineeType, n.nomineeId, n.nomineeName, n.nomineeUnitId,
                    authority.nameOf(n.nomineeUnitId), n.achievements, n.id));
        }
        for (int i = 0; i < direct.size(); i++) {
            RecipientRequest r = direct.get(i);
            String field = "recipients[" + i + "].nomineeId";
            NomineeDirectory.Nominee nominee = nominees.find(r.nomineeType(), r.nomineeId())
                    .orElseThrow(() -> ProblemException.invalid(field, "no such nominee is known here"));
            if (!UnitPaths.within(nominee.unitPath(), granting)) {
                throw ProblemException.invalid(field, "the recipient is outside the granting unit's subtree");
            }
            if (Authority.ownCollective(nominee.type(), nominee.unitPath(), granting)) {
                throw ProblemException.invalid(field, "unit " + nominee.id() + " cannot grant its own collective commendation; a unit above it does");
            }
            if (nominees.restriction(nominee.type(), nominee.id()).isPresent()) {
                throw ProblemException.conflict("recipient " + nominee.id() + " is under discipline or inspection");
            }
            recipients.add(new Award.Recipient(nominee.type(), nominee.id(), nominee.name(), nominee.unitId(),
                    authority.nameOf(nominee.unitId()), Texts.normalize(r.achievement()), null));
        }
        award.origin = nominationIds.isEmpty() ? Award.Origin.DIRECT : Award.Origin.NOMINATION;
        award.decisionNumber = request.decisionNumber().trim();
        award.decidedOn = request.decidedOn();
        award.year = request.decidedOn().getYear();
        award.form = request.form();
        award.grantingUnitId = request.grantingUnitId();
        award.grantingPath = UnitPaths.toLtree(granting);
        award.recipients = recipients;
        award.createdAt = Instant.now();
        award.createdBy = caller.subject();
        award.updatedAt = award.createdAt;
        award.updatedBy = award.createdBy;
        award.persist();
        em.flush();
        publish(award, RecognitionEvent.AWARD_CREATED, caller.actor());
        return award;
    }

    /** Puts the award on the public feed (name, unit and achievement of each recipient). */
    @Transactional
    public Award publish(UUID id, String ifMatch) {
        Award award = Award.<Award>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("award " + id + " does not exist"));
        requireVisible(award);
        requireGrantor(award.grantingUnitId);
        ETags.requireMatch(ifMatch, award.version);
        if (award.published) {
            return award;
        }
        award.published = true;
        award.publishedAt = Instant.now();
        award.updatedAt = award.publishedAt;
        award.updatedBy = caller.subject();
        em.flush();
        publish(award, RecognitionEvent.AWARD_PUBLISHED, caller.actor());
        return award;
    }

    /**
     * A praise at a cell meeting heard from commitment-service becomes a PRAISE_AT_MEETING award of
     * the cell, once per check-in; nobody enters it again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPraise(CommitmentEvent.Praised praise) {
        if (praise.checkInId() != null && Award.count("praiseCheckInId", praise.checkInId()) > 0) {
            return;
        }
        NomineeDirectory.Nominee member = nominees.find(NomineeType.MEMBER, praise.memberId()).orElse(null);
        Award award = new Award();
        award.id = TimeOrderedIds.next();
        award.origin = Award.Origin.MEETING_PRAISE;
        Instant at = praise.praisedAt() == null ? Instant.now() : praise.praisedAt();
        award.decidedOn = LocalDate.ofInstant(at, VIETNAM);
        award.year = praise.year();
        award.form = RecognitionForm.PRAISE_AT_MEETING;
        award.grantingUnitId = praise.unitId();
        award.grantingPath = UnitPaths.toLtree(praise.unitPath());
        String name = member == null ? "member " + praise.memberId() : member.name();
        UUID unit = member == null ? praise.unitId() : member.unitId();
        award.recipients = List.of(new Award.Recipient(NomineeType.MEMBER, praise.memberId(), name, unit, authority.nameOf(unit),
                praise.comment() == null || praise.comment().isBlank() ? "praised at the cell meeting (" + praise.period() + ")" : praise.comment(), null));
        award.praiseCheckInId = praise.checkInId();
        Actor actor = praise.actor() == null ? new Actor("commitment-service", "commitment-service") : praise.actor();
        award.createdAt = Instant.now();
        award.createdBy = actor.subject();
        award.updatedAt = award.createdAt;
        award.updatedBy = actor.subject();
        award.persist();
        em.flush();
        publish(award, RecognitionEvent.AWARD_CREATED, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Award visible(UUID id) {
        Award award = Award.<Award>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("award " + id + " does not exist"));
        requireVisible(award);
        return award;
    }

    /** Awards granted within {@code unit}'s subtree (the caller's by default); cursor (decidedOn, id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Award> list(UUID unit, Integer year, RecognitionForm form, Award.Origin origin, List<String> after, int limit) {
        List<UUID> root = unit != null ? scope.requireWithin(unit) : scope.isAdmin() ? null : scope.callerPath();
        NativeSql sql = new NativeSql(em, "select a.* from award a where true")
                .andIf(root == null ? null : UnitPaths.toLtree(root), "a.granting_path <@ cast(:root as ltree)", "root")
                .andIf(year, "a.year = :year", "year")
                .andIf(form == null ? null : form.name(), "a.form = :form", "form")
                .andIf(origin == null ? null : origin.name(), "a.origin = :origin", "origin");
        if (after != null) {
            sql.and("(a.decided_on, a.id) > (cast(:afterOn as date), cast(:afterId as uuid))").bind("afterOn", after.get(0)).bind("afterId", after.get(1));
        }
        return sql.append(" order by a.decided_on, a.id").list(Award.class, limit + 1);
    }

    private void requireVisible(Award award) {
        if (!scope.covers(award.grantingPathIds())) {
            throw ProblemException.forbidden("award " + award.id + " belongs to a unit outside your organisation's subtree");
        }
    }

    /** Awards are recorded by the granting unit's own council or officers. */
    private List<UUID> requireGrantor(UUID unit) {
        scope.requireRole(Roles.COMMENDATION_COUNCIL, Roles.UNIT_OFFICER);
        List<UUID> path = scope.requireWithin(unit);
        if (!scope.isAdmin() && !caller.unit().map(unit::equals).orElse(false)) {
            throw ProblemException.forbidden("only the council or officers of unit " + unit + " may record or publish its awards");
        }
        return path;
    }

    private void publish(Award a, String type, Actor actor) {
        outbox.publish(RecognitionEvent.TOPIC, RecognitionEvent.AGGREGATE_AWARD, a.id.toString(), type,
                new RecognitionEvent.AwardState(a.id, a.origin.name(), a.decisionNumber, a.decidedOn, a.year, a.form.name(),
                        a.grantingUnitId, a.grantingPathIds(),
                        a.recipients.stream().map(r -> new RecognitionEvent.Recipient(r.nomineeType().name(), r.nomineeId(), r.unitId(), r.nominationId())).toList(),
                        a.published, a.version, a.updatedAt, actor));
    }
}
