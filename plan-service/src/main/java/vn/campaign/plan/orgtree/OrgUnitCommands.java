package vn.campaign.plan.orgtree;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.orgtree.OrgUnitKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What callers ask of the organisation tree. */
public final class OrgUnitCommands {

    public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    public static final String CODE_MESSAGE = "1-64 characters: letters A-Z, digits, '.', '_', '/', '-'; starting with a letter or digit";

    private OrgUnitCommands() {
    }

    @Schema(name = "NewOrgUnit")
    public record NewUnit(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
            @Schema(example = "DT-XA-MYTHO-01", description = "stable external code, unique (case-insensitive)") String code,
            @NotBlank @Size(max = 300) @CleanText @Schema(example = "Đảng bộ phường Mỹ Tho") String name,
            @NotNull OrgUnitKind kind,
            @Schema(description = "the parent unit; only an admin may create a root unit") UUID parentId,
            @Schema(description = "first day the unit exists (default: today, Asia/Ho_Chi_Minh)", example = "2025-07-01") LocalDate validFrom) {
    }

    @Schema(name = "OrgUnitChanges", description = "fields to change; absent fields stay as they are")
    public record UnitChanges(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @CleanText String name,
            OrgUnitKind kind) {
    }

    @Schema(name = "MoveOrgUnit")
    public record Move(@NotNull @Schema(description = "the new parent unit") UUID parentId) {
    }

    @Schema(name = "CloseOrgUnit")
    public record Close(@Schema(description = "first day the unit no longer exists (default: today)") LocalDate validTo) {
    }

    @Schema(name = "MergeOrgUnits", description = "close the sources on effectiveDate and continue them in the successor: "
            + "either an existing unit (successorId) or a new one (newSuccessor)")
    public record Merge(
            @NotEmpty @Size(max = 100) List<@NotNull UUID> sourceIds,
            UUID successorId,
            @Valid NewUnit newSuccessor,
            @NotNull @Schema(description = "first day of the successor and the day the sources close", example = "2025-07-01") LocalDate effectiveDate) {
    }

    /** One row of a bulk import (CSV or JSON lines); {@code line} is 1-based in the file. */
    public record ImportRow(int line, String code, String name, OrgUnitKind kind, String parentCode, LocalDate validFrom) {
    }

    @Schema(name = "OrgUnitImportResult")
    public record ImportResult(int rows, int created, int updated, int unchanged) {
    }
}
