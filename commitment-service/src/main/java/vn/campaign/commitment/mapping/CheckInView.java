package vn.campaign.commitment.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.commitment.commitments.CheckIn;

import java.time.Instant;
import java.util.UUID;

/** A check-in as the API shows it. */
@Schema(name = "CheckIn")
public record CheckInView(
        UUID id,
        UUID commitmentId,
        @Schema(description = "the concrete action, 1-based") int action,
        @Schema(example = "2025Q2") String period,
        @Schema(example = "60") int percent,
        @Schema(nullable = true) String evidence,
        @Schema(nullable = true) String cellComment,
        @Schema(nullable = true) Instant reviewedAt,
        @Schema(nullable = true) String reviewedBy,
        @Schema(description = "praised at the cell meeting") boolean praised,
        @Schema(nullable = true) Instant praisedAt,
        @Schema(nullable = true) String praisedBy,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static CheckInView of(CheckIn k) {
        return new CheckInView(k.id, k.commitmentId, k.action, k.period, k.percent, k.evidence, k.cellComment, k.reviewedAt,
                k.reviewedBy, k.praised, k.praisedAt, k.praisedBy, k.version, k.createdAt, k.createdBy, k.updatedAt, k.updatedBy);
    }
}
