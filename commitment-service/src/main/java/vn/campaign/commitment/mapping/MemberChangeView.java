package vn.campaign.commitment.mapping;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.commitment.roster.MemberChange;

import java.time.Instant;
import java.util.UUID;

/** One entry of a member's change log. */
@Schema(name = "MemberChange")
public record MemberChangeView(
        long seq,
        MemberChange.Kind kind,
        @Schema(description = "the member's unit after the change") UUID unitId,
        @Schema(description = "for a move: the unit before", nullable = true) UUID previousUnitId,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "field name to {from, to}",
                example = "{\"leader\":{\"from\":false,\"to\":true}}") String changes,
        Instant changedAt,
        String changedBy,
        String changedByName) {

    public static MemberChangeView of(MemberChange c) {
        return new MemberChangeView(c.seq, c.kind, c.unitId, c.previousUnitId, c.changes, c.changedAt, c.changedBy, c.changedByName);
    }
}
