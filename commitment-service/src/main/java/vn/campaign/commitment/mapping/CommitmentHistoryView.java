package vn.campaign.commitment.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.commitment.commitments.CommitmentHistory;
import vn.campaign.foundation.commitments.CommitmentStatus;

import java.time.Instant;

/** One entry of a commitment's history. */
@Schema(name = "CommitmentHistoryEntry")
public record CommitmentHistoryView(
        long seq,
        @Schema(example = "RETURN", description = "CREATE, EDIT, SUBMIT, APPROVE, RETURN, CHECK_IN, REVIEW_CHECK_IN, SELF_ASSESS, EVALUATE") String action,
        @Schema(nullable = true) CommitmentStatus fromStatus,
        CommitmentStatus toStatus,
        @Schema(nullable = true) String comment,
        Instant at,
        String actor,
        String actorName) {

    public static CommitmentHistoryView of(CommitmentHistory h) {
        return new CommitmentHistoryView(h.seq, h.action, h.fromStatus, h.toStatus, h.comment, h.at, h.actor, h.actorName);
    }
}
