package vn.campaign.commitment.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.commitment.roster.Member;
import vn.campaign.foundation.plans.CommitmentTemplate;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;

import java.time.Instant;
import java.util.UUID;

/** A roster entry as the API shows it: exactly the fields SPEC allows, and who changed it last. */
@Schema(name = "Member")
public record MemberView(
        UUID id,
        @Schema(example = "DV-87001234") String externalRef,
        @Schema(example = "Nguyễn Thị Mai") String fullName,
        UUID unitId,
        MemberCategory category,
        @Schema(description = "the form this member writes, from the category") CommitmentTemplate template,
        boolean leader,
        @Schema(example = "Phó Chủ tịch UBND xã") String positionTitle,
        @Schema(nullable = true) ExemptionCategory exemption,
        @Schema(nullable = true) String exemptionReason,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static MemberView of(Member m) {
        return new MemberView(m.id, m.externalRef, m.fullName, m.unitId, m.category, m.category.template(), m.leader,
                m.positionTitle, m.exemption, m.exemptionReason, m.version, m.createdAt, m.createdBy, m.updatedAt, m.updatedBy);
    }
}
