package vn.campaign.foundation.plans;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * When and how members register their personal commitments for a plan. {@code dueOn} means
 * the end of that day in Asia/Ho_Chi_Minh; a later submission is accepted and marked late.
 */
@Schema(name = "CommitmentWindow")
public record CommitmentWindow(
        @Schema(example = "2024-03-01") LocalDate opensOn,
        @Schema(example = "2024-04-30") LocalDate dueOn,
        @Schema(description = "allowed templates (default: all three)") List<CommitmentTemplate> templates,
        @Schema(description = "fewest concrete actions per commitment (default 1)", example = "1") Integer minActions,
        @Schema(description = "most concrete actions per commitment (default 2)", example = "2") Integer maxActions,
        @Schema(description = "categories that need not register") List<ExemptionCategory> exemptCategories) {
}
