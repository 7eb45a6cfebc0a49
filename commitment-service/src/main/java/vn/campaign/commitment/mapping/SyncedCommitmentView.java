package vn.campaign.commitment.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One of a member's own commitments with its check-ins, for a mobile client's sync. */
@Schema(name = "SyncedCommitment")
public record SyncedCommitmentView(CommitmentView commitment, List<CheckInView> checkIns) {
}
