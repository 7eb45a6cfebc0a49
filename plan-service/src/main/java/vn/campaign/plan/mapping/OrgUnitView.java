package vn.campaign.plan.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.plan.orgtree.OrgUnit;
import vn.campaign.foundation.time.CampaignDates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An organisation unit as the API shows it. */
@Schema(name = "OrgUnit")
public record OrgUnitView(
        UUID id,
        @Schema(example = "DT-XA-MYTHO-01") String code,
        @Schema(example = "Đảng bộ phường Mỹ Tho") String name,
        OrgUnitKind kind,
        UUID parentId,
        @Schema(description = "unit ids from the root to this unit") List<UUID> path,
        int depth,
        LocalDate validFrom,
        @Schema(description = "first day the unit no longer exists; null while open") LocalDate validTo,
        boolean open,
        UUID successorId,
        List<UUID> predecessorIds,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static OrgUnitView of(OrgUnit unit) {
        List<UUID> path = unit.pathIds();
        return new OrgUnitView(unit.id, unit.code, unit.name, unit.kind, unit.parentId, path, path.size(),
                unit.validFrom, unit.validTo, unit.isOpenOn(CampaignDates.today()), unit.successorId,
                List.copyOf(unit.predecessorIds), unit.version, unit.createdAt, unit.createdBy, unit.updatedAt, unit.updatedBy);
    }
}
