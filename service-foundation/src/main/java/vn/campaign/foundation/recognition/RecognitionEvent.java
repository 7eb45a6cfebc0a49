package vn.campaign.foundation.recognition;

import vn.campaign.foundation.security.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payloads on {@link #TOPIC}, published by recognition-service. Nomination events are keyed by
 * nomination id, award events by award id, model events by model id, so each aggregate's events
 * stay in order. Discipline and inspection of a nominee are not published: they stay inside
 * recognition-service (a nomination shows only that it is frozen). Every payload carries the unit id and its
 * path (unit ids from the root) and the actor, so reporting-service can roll figures up the tree.
 *
 * <p>Values of {@code form}: PRAISE_AT_MEETING, CERTIFICATE, PROVINCIAL_MERIT, NATIONAL_MERIT.
 * {@code nomineeType}: MEMBER, COLLECTIVE, MODEL. {@code kind}: REGULAR, THEMATIC, AD_HOC.
 * Nomination {@code status}: DRAFT, SUBMITTED, UNDER_REVIEW, FORWARDED, APPROVED, REJECTED, RETURNED.
 */
public final class RecognitionEvent {

    /** Nominations, awards and models: keyed by the aggregate id. */
    public static final String TOPIC = "campaign.recognition.v1";

    /** A nomination was written (DRAFT). Payload {@link NominationState}, as are all nomination events. */
    public static final String NOMINATION_CREATED = "nomination.created.v1";
    /** A draft or returned nomination was edited. */
    public static final String NOMINATION_UPDATED = "nomination.updated.v1";
    /** DRAFT or RETURNED → SUBMITTED. */
    public static final String NOMINATION_SUBMITTED = "nomination.submitted.v1";
    /** SUBMITTED or FORWARDED → UNDER_REVIEW at {@code currentUnitId}. */
    public static final String NOMINATION_UNDER_REVIEW = "nomination.under-review.v1";
    /** UNDER_REVIEW → FORWARDED to the parent unit (now {@code currentUnitId}), which has more authority. */
    public static final String NOMINATION_FORWARDED = "nomination.forwarded.v1";
    public static final String NOMINATION_APPROVED = "nomination.approved.v1";
    public static final String NOMINATION_REJECTED = "nomination.rejected.v1";
    /** Sent back to the proposing unit with a comment; it may be edited and submitted again. */
    public static final String NOMINATION_RETURNED = "nomination.returned.v1";

    /** An award decision was recorded (from nominations, directly, or from a praise at a cell meeting). Payload {@link AwardState}. */
    public static final String AWARD_CREATED = "award.created.v1";
    /** The award was put on the public feed. Payload {@link AwardState}. */
    public static final String AWARD_PUBLISHED = "award.published.v1";

    /** A model (mô hình, cách làm hay) was registered (PROPOSED). Payload {@link ModelState}. */
    public static final String MODEL_REGISTERED = "model.registered.v1";
    /** PROPOSED → RECOGNISED. Payload {@link ModelState}. */
    public static final String MODEL_RECOGNISED = "model.recognised.v1";
    /** Another unit recorded that it replicated the model (nhân rộng). Payload {@link ModelReplicated}. */
    public static final String MODEL_REPLICATED = "model.replicated.v1";

    public static final String AGGREGATE_NOMINATION = "nomination";
    public static final String AGGREGATE_AWARD = "award";
    public static final String AGGREGATE_MODEL = "model";

    private RecognitionEvent() {
    }

    /**
     * A nomination after a change. {@code unitId}/{@code unitPath}: the proposing unit;
     * {@code currentUnitId}/{@code currentUnitPath}: the unit that holds it now (the deciding unit
     * once decided).
     */
    public record NominationState(
            UUID nominationId,
            String nomineeType,
            UUID nomineeId,
            UUID unitId,
            List<UUID> unitPath,
            UUID currentUnitId,
            List<UUID> currentUnitPath,
            int year,
            UUID topicId,
            String form,
            String kind,
            String status,
            String previousStatus,
            String note,
            long version,
            Instant changedAt,
            Actor actor) {
    }

    /** One recipient of an award: a member, a unit (collective) or a model, with the unit it belongs to. */
    public record Recipient(String nomineeType, UUID nomineeId, UUID unitId, UUID nominationId) {
    }

    /**
     * An award (quyết định khen thưởng) after a change. {@code origin}: NOMINATION, DIRECT or
     * MEETING_PRAISE (recorded from {@code commitment.praised.v1}; no decision number).
     * {@code unitId}/{@code unitPath}: the granting unit.
     */
    public record AwardState(
            UUID awardId,
            String origin,
            String decisionNumber,
            LocalDate decidedOn,
            int year,
            String form,
            UUID unitId,
            List<UUID> unitPath,
            List<Recipient> recipients,
            boolean published,
            long version,
            Instant changedAt,
            Actor actor) {
    }

    /** A model after a change; {@code unitId}/{@code unitPath}: the owner unit. */
    public record ModelState(
            UUID modelId,
            String name,
            UUID unitId,
            List<UUID> unitPath,
            String field,
            String status,
            Integer recognisedYear,
            int replicationCount,
            long version,
            Instant changedAt,
            Actor actor) {
    }

    /** {@code model.replicated.v1}: {@code replicatingUnitId} applied the model; {@code replicationCount} after this one. */
    public record ModelReplicated(
            UUID modelId,
            UUID unitId,
            List<UUID> unitPath,
            UUID replicatingUnitId,
            List<UUID> replicatingUnitPath,
            LocalDate replicatedOn,
            int replicationCount,
            Instant changedAt,
            Actor actor) {
    }
}
