package vn.campaign.commitment.commitments;

import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.plans.MemberCategory;

import java.time.Instant;
import java.util.UUID;

/** Where an expected member stands with a plan's commitment: the rows of the secretary's views. */
public record MemberStanding(UUID memberId, String fullName, UUID unitId, MemberCategory category, boolean leader,
                             UUID commitmentId, CommitmentStatus status, Instant submittedAt, Standing standing) {

    public enum Standing {
        /** Not submitted yet, and the due date has not passed. */
        NOT_SUBMITTED,
        /** Not submitted, and the due date has passed. */
        OVERDUE,
        /** Submitted, but after the due date. */
        SUBMITTED_LATE,
        /** Submitted by the due date. */
        ON_TIME
    }
}
