package vn.campaign.commitment.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;

import java.util.Set;
import java.util.UUID;

/** What callers ask of the roster. */
public final class MemberCommands {

    public static final String REF_PATTERN = "[A-Za-z0-9][A-Za-z0-9._/:-]{0,63}";
    public static final String REF_MESSAGE = "1-64 characters: letters A-Z, digits, '.', '_', '/', ':', '-'; starting with a letter or digit";
    public static final int MAX_NAME = 200;
    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 500;

    private MemberCommands() {
    }

    @Schema(name = "NewMember")
    public record NewMember(
            @NotBlank @Pattern(regexp = REF_PATTERN, message = REF_MESSAGE)
            @Schema(example = "DV-87001234", description = "the member's id in the party-member database; unique") String externalRef,
            @NotBlank @Size(max = MAX_NAME) @CleanText @Schema(example = "Nguyễn Thị Mai") String fullName,
            @NotNull @Schema(description = "the member's unit (a party cell, agency, village...)") UUID unitId,
            @NotNull @Schema(description = "decides the template: PARTY_MEMBER FORM_01, CIVIL_SERVANT and UNION_MEMBER FORM_2A, CITIZEN FORM_2B") MemberCategory category,
            @Schema(description = "leader or manager, with exemplary duties (default false)") Boolean leader,
            @Size(max = MAX_TITLE) @CleanText @Schema(example = "Phó Chủ tịch UBND xã") String positionTitle,
            @Schema(description = "set when the member need not write a commitment") ExemptionCategory exemption,
            @Size(max = MAX_REASON) @CleanText(multiline = true) @Schema(description = "required with an exemption", example = "Nghỉ hưu, được miễn sinh hoạt đảng từ 2023") String exemptionReason) {
    }

    @Schema(name = "MemberChanges", description = "fields to change; absent fields stay as they are; an empty positionTitle removes it")
    public record Changes(
            @Size(min = 1, max = MAX_NAME) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CleanText String fullName,
            MemberCategory category,
            Boolean leader,
            @Size(max = MAX_TITLE) @CleanText String positionTitle) {
    }

    @Schema(name = "MemberExemption")
    public record Exemption(
            @NotNull ExemptionCategory category,
            @NotBlank @Size(max = MAX_REASON) @CleanText(multiline = true) @Schema(example = "Đảng viên cao tuổi, được miễn sinh hoạt") String reason) {
    }

    @Schema(name = "MoveMember")
    public record Move(@NotNull @Schema(description = "the member's new unit") UUID unitId) {
    }

    /**
     * One row of a bulk import (CSV or JSON lines); {@code line} is 1-based in the file. The unit
     * is named by id or by code. {@code given} holds the optional columns ({@link #OPTIONAL}) the
     * row carries: a column that is there but blank clears the field, a column that is not there
     * keeps the member's current value (the default for a new member).
     */
    public record ImportRow(int line, String externalRef, String fullName, UUID unitId, String unitCode,
                            MemberCategory category, Boolean leader, String positionTitle,
                            ExemptionCategory exemption, String exemptionReason, Set<String> given) {

        public static final String LEADER = "leader";
        public static final String POSITION_TITLE = "positionTitle";
        public static final String EXEMPTION = "exemption";
        public static final String EXEMPTION_REASON = "exemptionReason";
        /** The columns an import may leave out. */
        public static final Set<String> OPTIONAL = Set.of(LEADER, POSITION_TITLE, EXEMPTION, EXEMPTION_REASON);

        public ImportRow {
            given = given == null ? Set.of() : Set.copyOf(given);
        }

        /** Whether the row carries the optional column (perhaps blank, which clears the field). */
        public boolean has(String column) {
            return given.contains(column);
        }
    }

    @Schema(name = "MemberImportResult")
    public record ImportResult(int rows, int created, int updated, int unchanged) {
    }
}
