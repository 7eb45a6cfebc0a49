package vn.campaign.commitment.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.commitment.commitments.Commitment;
import vn.campaign.commitment.commitments.ConcreteAction;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.commitments.Rating;
import vn.campaign.foundation.plans.CommitmentTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A personal commitment as the API shows it. */
@Schema(name = "Commitment")
public record CommitmentView(
        UUID id,
        UUID memberId,
        @Schema(example = "Nguyễn Thị Mai") String memberName,
        @Schema(description = "the unit the commitment was written in") UUID unitId,
        UUID planId,
        @Schema(example = "2025") int year,
        UUID topicId,
        CommitmentTemplate template,
        boolean leader,
        CommitmentStatus status,
        String studyContent,
        List<ActionView> actions,
        String selfCultivation,
        @Schema(nullable = true) String exemplaryDuties,
        @Schema(nullable = true) LocalDate dueOn,
        @Schema(description = "the first submission", nullable = true) Instant submittedAt,
        @Schema(nullable = true) Instant lastSubmittedAt,
        @Schema(description = "first submitted after the end of the due date (Asia/Ho_Chi_Minh)") boolean late,
        int submissionCount,
        @Schema(description = "the cell's latest approval or return comment", nullable = true) String cellComment,
        @Schema(nullable = true) String selfAssessment,
        @Schema(nullable = true) Integer selfScore,
        @Schema(nullable = true) Instant selfAssessedAt,
        @Schema(nullable = true) Integer score,
        @Schema(nullable = true) Rating rating,
        @Schema(nullable = true) String evaluationComment,
        @Schema(nullable = true) Instant evaluatedAt,
        @Schema(nullable = true) String evaluatedBy,
        @Schema(description = "written by the cell secretary on the member's behalf") boolean onBehalf,
        @Schema(nullable = true) String onBehalfBy,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    @Schema(name = "ConcreteAction")
    public record ActionView(@Schema(description = "1-based") int number, String what, String target, LocalDate deadline) {
    }

    public static CommitmentView of(Commitment c) {
        List<ActionView> actions = new ArrayList<>();
        for (int i = 0; i < c.actions.size(); i++) {
            ConcreteAction a = c.actions.get(i);
            actions.add(new ActionView(i + 1, a.what, a.target, a.deadline));
        }
        return new CommitmentView(c.id, c.member.id, c.member.fullName, c.unitId, c.planId, c.year, c.topicId, c.template,
                c.leader, c.status, c.studyContent, actions, c.selfCultivation, c.exemplaryDuties, c.dueOn, c.submittedAt,
                c.lastSubmittedAt, c.late, c.submissionCount, c.cellComment, c.selfAssessment, c.selfScore, c.selfAssessedAt,
                c.score, c.rating, c.evaluationComment, c.evaluatedAt, c.evaluatedBy, c.onBehalfBy != null, c.onBehalfBy,
                c.version, c.createdAt, c.createdBy, c.updatedAt, c.updatedBy);
    }
}
