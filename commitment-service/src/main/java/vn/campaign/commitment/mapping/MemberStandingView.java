package vn.campaign.commitment.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.commitment.commitments.MemberStanding;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.plans.MemberCategory;

import java.time.Instant;
import java.util.UUID;

/** An expected member and where they stand with a plan's commitment (the secretary's views). */
@Schema(name = "MemberStanding")
public record MemberStandingView(
        UUID memberId,
        String fullName,
        UUID unitId,
        MemberCategory category,
        boolean leader,
        @Schema(nullable = true) UUID commitmentId,
        @Schema(nullable = true) CommitmentStatus status,
        @Schema(nullable = true) Instant submittedAt,
        @Schema(description = "NOT_SUBMITTED (due date not passed), OVERDUE, SUBMITTED_LATE or ON_TIME") MemberStanding.Standing standing) {

    public static MemberStandingView of(MemberStanding s) {
        return new MemberStandingView(s.memberId(), s.fullName(), s.unitId(), s.category(), s.leader(), s.commitmentId(), s.status(),
                s.submittedAt(), s.standing());
    }
}
