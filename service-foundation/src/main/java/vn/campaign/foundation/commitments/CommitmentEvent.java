package vn.campaign.foundation.commitments;

import vn.campaign.foundation.plans.CommitmentTemplate;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;
import vn.campaign.foundation.security.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payloads on {@link vn.campaign.foundation.events.Topics#COMMITMENTS}, published by
 * commitment-service. Roster events are keyed by member id, commitment and check-in events by
 * commitment id, so each aggregate's events stay in order. Every payload carries the unit id and
 * its path (unit ids from the root), the year and the actor, so reporting-service and
 * recognition-service never call back.
 *
 * <p>Personal data is kept to what consumers need: the roster events carry the member's name
 * (recognition shows candidates) but no external reference and no exemption reason.
 */
public final class CommitmentEvent {

    /** A member joined the roster. Payload {@link MemberState}. */
    public static final String MEMBER_REGISTERED = "member.registered.v1";
    /** Name, category, leader flag, position or exemption changed. Payload {@link MemberState}. */
    public static final String MEMBER_UPDATED = "member.updated.v1";
    /** The member moved to another unit; {@code previousUnitId}/{@code previousUnitPath} say from where. */
    public static final String MEMBER_MOVED = "member.moved.v1";

    /** A commitment was written (DRAFT). Payload {@link CommitmentState}, as are the transitions below. */
    public static final String CREATED = "commitment.created.v1";
    /** DRAFT or RETURNED → SUBMITTED; {@code resubmission} tells a resubmission after a return. */
    public static final String SUBMITTED = "commitment.submitted.v1";
    public static final String APPROVED = "commitment.approved.v1";
    public static final String RETURNED = "commitment.returned.v1";
    public static final String SELF_ASSESSED = "commitment.self-assessed.v1";
    /** Final: carries {@code score} and {@code rating}. */
    public static final String EVALUATED = "commitment.evaluated.v1";
    /** The member reported progress on one concrete action for a period. Payload {@link CheckInRecorded}. */
    public static final String CHECKED_IN = "commitment.checked-in.v1";
    /** The cell praised a check-in at its meeting (biểu dương); recognition-service acts on it. Payload {@link Praised}. */
    public static final String PRAISED = "commitment.praised.v1";

    public static final String AGGREGATE_MEMBER = "member";
    public static final String AGGREGATE_COMMITMENT = "commitment";

    private CommitmentEvent() {
    }

    /**
     * The member's roster entry after the change. {@code exemption} is null for members who must
     * register; {@code template} follows from {@code category}.
     */
    public record MemberState(
            UUID memberId,
            String fullName,
            UUID unitId,
            List<UUID> unitPath,
            UUID previousUnitId,
            List<UUID> previousUnitPath,
            MemberCategory category,
            CommitmentTemplate template,
            boolean leader,
            String positionTitle,
            ExemptionCategory exemption,
            long version,
            Instant changedAt,
            Actor actor) {
    }

    /**
     * A commitment after a transition. {@code late}: the first submission came after the end of
     * {@code dueOn} (Asia/Ho_Chi_Minh). {@code onBehalf}: a cell secretary wrote it for the member.
     * {@code leader}: the member was a leader (with exemplary duties) when it was last saved.
     * {@code score} and {@code rating} are set once EVALUATED.
     */
    public record CommitmentState(
            UUID commitmentId,
            UUID memberId,
            UUID unitId,
            List<UUID> unitPath,
            int year,
            UUID planId,
            UUID topicId,
            CommitmentTemplate template,
            boolean leader,
            CommitmentStatus status,
            CommitmentStatus previousStatus,
            boolean resubmission,
            boolean late,
            LocalDate dueOn,
            Instant submittedAt,
            boolean onBehalf,
            int actionCount,
            Integer score,
            Rating rating,
            long version,
            Instant changedAt,
            Actor actor) {
    }

    /** {@code commitment.checked-in.v1}: progress in percent on concrete action {@code action} (1-based) for {@code period}. */
    public record CheckInRecorded(
            UUID commitmentId,
            UUID checkInId,
            UUID memberId,
            UUID unitId,
            List<UUID> unitPath,
            int year,
            UUID planId,
            boolean leader,
            int action,
            String period,
            int percent,
            Instant recordedAt,
            Actor actor) {
    }

    /** {@code commitment.praised.v1}: the cell praised the member's progress at its meeting. */
    public record Praised(
            UUID commitmentId,
            UUID checkInId,
            UUID memberId,
            UUID unitId,
            List<UUID> unitPath,
            int year,
            UUID planId,
            UUID topicId,
            boolean leader,
            int action,
            String period,
            String comment,
            Instant praisedAt,
            Actor actor) {
    }
}
