package vn.campaign.plan.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.plans.CommitmentWindow;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a plan document says, as its issuer writes it (create, edit a draft, amend). */
@Schema(name = "PlanDocument")
public record PlanDocument(
        @NotNull PlanType type,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} ./_-]{0,63}", message = "letters, digits, spaces and . / _ -")
        @Schema(example = "58-KH/HU", description = "number/symbol, unique per issuing unit and year") String number,
        @NotNull UUID issuingUnitId,
        @NotNull @Schema(example = "2024-01-15") LocalDate issueDate,
        @NotBlank @Size(max = 1000) @CleanText @Schema(example = "Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024") String title,
        UUID topicId,
        @Schema(description = "the superior plan this one implements") UUID parentPlanId,
        @Valid Sections sections,
        @Size(max = 50) List<@Valid @NotNull LegalBasis> legalBases,
        @Size(max = 50) List<@Valid @NotNull Attachment> attachments,
        @Size(max = 500) List<@Valid @NotNull Recipient> recipients,
        @Size(max = 100) List<@Valid @NotNull Task> tasks,
        @Valid CommitmentWindow commitmentWindow,
        @Size(max = 3) List<@Valid @NotNull ReportingDuty> reportingDuties) {

    /** Mục đích, yêu cầu / nội dung / tổ chức thực hiện. */
    @Schema(name = "PlanSections")
    public record Sections(@Size(max = 20000) @CleanText(multiline = true) String purposes,
                           @Size(max = 50000) @CleanText(multiline = true) String contents,
                           @Size(max = 20000) @CleanText(multiline = true) String implementation) {
    }

    /** A document the plan is based on (căn cứ). */
    @Schema(name = "LegalBasis")
    public record LegalBasis(@NotBlank @Size(max = 64) @Schema(example = "05-CT/TW") String number,
                             @Schema(example = "2016-05-15") LocalDate date,
                             @Size(max = 1000) @CleanText String title) {
    }

    /** A file kept elsewhere, by reference. */
    @Schema(name = "Attachment")
    public record Attachment(@NotBlank @Size(max = 300) @CleanText String name,
                             @NotBlank @Size(max = 2000) @Pattern(regexp = "(https?|urn|docref):\\S+", message = "an https, urn or docref reference")
                             String reference,
                             @Size(max = 100) @CleanText String mediaType) {
    }

    /** A recipient unit, or its whole subtree (optionally only units of some kinds). */
    @Schema(name = "PlanRecipient")
    public record Recipient(@NotNull UUID unitId,
                            @Schema(description = "the unit and every open unit below it") boolean includeSubtree,
                            @Size(max = 9) @Schema(description = "with includeSubtree: only units of these kinds are expected to act (default: all)")
                            List<@NotNull OrgUnitKind> kinds) {
    }

    /** A task: what, for whom, by when, how often. */
    @Schema(name = "PlanTask")
    public record Task(@Schema(description = "kept across amendments; assigned when absent") UUID id,
                       @NotBlank @Size(max = 2000) @CleanText(multiline = true) String title,
                       @Size(max = 9) List<@NotNull OrgUnitKind> assignedToKinds,
                       @Size(max = 500) List<@NotNull UUID> assignedToUnitIds,
                       @Schema(description = "end of that day, Asia/Ho_Chi_Minh") LocalDate deadline,
                       @Valid Recurrence recurrence) {
    }

    /** E.g. a quarterly topical meeting, at least 2 a year. */
    @Schema(name = "TaskRecurrence")
    public record Recurrence(@NotNull Frequency frequency,
                             @Min(0) @Max(366) @Schema(example = "2") Integer minPerYear,
                             @Schema(description = "the implementation activity that counts towards it") ActivityKind activityKind) {
    }

    public enum Frequency { MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY }

    /** A report due per period of this type (QUARTER, HALF_YEAR, YEAR), so many days after the period ends. */
    @Schema(name = "ReportingDuty")
    public record ReportingDuty(@NotNull PeriodType periodType, @NotNull @Min(0) @Max(90) Integer daysAfterPeriodEnd) {
    }

    public enum PeriodType { QUARTER, HALF_YEAR, YEAR }
}
