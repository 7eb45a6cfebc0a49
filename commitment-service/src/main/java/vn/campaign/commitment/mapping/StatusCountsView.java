package vn.campaign.commitment.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.commitments.CommitmentStatus;

import java.util.Map;
import java.util.UUID;

/** How many commitments of a plan in a unit's subtree are in each status. */
@Schema(name = "CommitmentStatusCounts")
public record StatusCountsView(UUID planId, @Schema(nullable = true) UUID unitId, Map<CommitmentStatus, Long> counts) {
}
