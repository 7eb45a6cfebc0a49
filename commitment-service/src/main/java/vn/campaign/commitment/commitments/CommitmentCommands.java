package vn.campaign.commitment.commitments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.plans.CommitmentTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What callers ask of commitments and check-ins. */
public final class CommitmentCommands {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_SHORT = 1000;
    public static final int MAX_COMMENT = 2000;
    /** A hard cap whatever a plan says; the plan's own min/max is checked by the service. */
    public static final int MAX_ACTIONS = 20;

    private CommitmentCommands() {
    }

    @Schema(name = "ConcreteActionInput")
    public record ActionInput(
            @NotBlank @Size(max = MAX_SHORT) @CleanText(multiline = true) @Schema(example = "Hướng dẫn 5 hộ dân ấp Mỹ Phú đăng ký dịch vụ công trực tuyến") String what,
            @NotBlank @Size(max = MAX_SHORT) @CleanText(multiline = true) @Schema(example = "5 hộ, 100% hồ sơ nộp trực tuyến") String target,
            @NotNull @Schema(example = "2025-09-30", description = "within the commitment's year") LocalDate deadline) {
    }

    /** The form's content: what a member writes, on create and on every edit. */
    public interface Content {
        CommitmentTemplate template();

        String studyContent();

        List<ActionInput> actions();

        String selfCultivation();

        String exemplaryDuties();
    }

    @Schema(name = "NewCommitment")
    public record NewCommitment(
            @NotNull @Schema(description = "a published plan addressed to the member's unit") UUID planId,
            @Schema(description = "the member; default: the member of your token. A cell secretary names the member they write for") UUID memberId,
            @NotNull @Schema(description = "must match the member's category: FORM_01 party members, FORM_2A civil servants and union members, FORM_2B citizens") CommitmentTemplate template,
            @NotBlank @Size(max = MAX_TEXT) @CleanText(multiline = true) @Schema(example = "Chuyên đề năm 2025: ...") String studyContent,
            @NotNull @Size(max = MAX_ACTIONS) @Schema(description = "between the plan's minimum and maximum (default 1-2)") List<@Valid @NotNull ActionInput> actions,
            @NotBlank @Size(max = MAX_TEXT) @CleanText(multiline = true) @Schema(example = "Giữ gìn phẩm chất đạo đức, lối sống giản dị") String selfCultivation,
            @Size(max = MAX_TEXT) @CleanText(multiline = true) @Schema(description = "required for leaders and managers") String exemplaryDuties) implements Content {
    }

    @Schema(name = "CommitmentContent", description = "the whole form; replaces the content of a DRAFT or RETURNED commitment")
    public record ContentUpdate(
            @NotNull CommitmentTemplate template,
            @NotBlank @Size(max = MAX_TEXT) @CleanText(multiline = true) String studyContent,
            @NotNull @Size(max = MAX_ACTIONS) List<@Valid @NotNull ActionInput> actions,
            @NotBlank @Size(max = MAX_TEXT) @CleanText(multiline = true) String selfCultivation,
            @Size(max = MAX_TEXT) @CleanText(multiline = true) String exemplaryDuties) implements Content {
    }

    @Schema(name = "CommitmentApproval")
    public record Approval(@Size(max = MAX_COMMENT) @CleanText(multiline = true) @Schema(example = "Đồng ý") String comment) {
    }

    @Schema(name = "CommitmentReturn")
    public record Return(@NotBlank @Size(max = MAX_COMMENT) @CleanText(multiline = true) @Schema(example = "Việc làm cụ thể chưa có chỉ tiêu đo được") String comment) {
    }

    @Schema(name = "SelfAssessment")
    public record SelfAssessment(
            @NotBlank @Size(max = MAX_TEXT) @CleanText(multiline = true) @Schema(example = "Hoàn thành 2/2 việc làm đã đăng ký") String assessment,
            @Min(0) @Max(100) @Schema(description = "the member's own score, 0-100 (optional)") Integer selfScore) {
    }

    @Schema(name = "Evaluation")
    public record Evaluation(
            @NotNull @Min(0) @Max(100) @Schema(description = "0-100; the rating follows: >=90 EXCELLENT, 70-89 GOOD, 50-69 COMPLETED, <50 NOT_COMPLETED", example = "92") Integer score,
            @Size(max = MAX_COMMENT) @CleanText(multiline = true) String comment) {
    }

    @Schema(name = "NewCheckIn")
    public record NewCheckIn(
            @NotNull @Min(1) @Max(MAX_ACTIONS) @Schema(description = "the concrete action, 1-based", example = "1") Integer action,
            @NotBlank @Size(max = 10) @CleanText @Schema(description = "period id in the commitment's year: 2025, 2025S1, 2025Q2 or 202504", example = "2025Q2") String period,
            @NotNull @Min(0) @Max(100) @Schema(example = "60") Integer percent,
            @Size(max = MAX_COMMENT) @CleanText(multiline = true) @Schema(example = "Đã hướng dẫn 3/5 hộ; biên bản họp ấp ngày 12/5") String evidence) {
    }

    @Schema(name = "CheckInReview", description = "the cell's comment, and/or praise at the cell meeting")
    public record Review(
            @Size(max = MAX_COMMENT) @CleanText(multiline = true) String comment,
            @Schema(description = "praised at the meeting; publishes commitment.praised.v1 once") Boolean praised) {
    }
}
