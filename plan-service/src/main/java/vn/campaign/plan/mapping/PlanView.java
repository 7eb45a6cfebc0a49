package vn.campaign.plan.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.plans.CommitmentWindow;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.plan.plan.Plan;
import vn.campaign.plan.plan.PlanActivity;
import vn.campaign.plan.plan.PlanDocument;
import vn.campaign.plan.plan.PlanStatus;
import vn.campaign.plan.plan.PlanType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan as the API shows it: the document, its lifecycle state, and deadlines as instants. */
@Schema(name = "Plan")
public record PlanView(
        UUID id,
        PlanType type,
        String number,
        UUID issuingUnitId,
        LocalDate issueDate,
        int year,
        String title,
        UUID topicId,
        UUID parentPlanId,
        PlanStatus status,
        @Schema(description = "0 for a draft, 1 once published, +1 per amendment") int revision,
        PlanDocument.Sections sections,
        List<PlanDocument.LegalBasis> legalBases,
        List<PlanDocument.Attachment> attachments,
        List<PlanDocument.Recipient> recipients,
        List<PlanDocument.Task> tasks,
        CommitmentWindow commitmentWindow,
        @Schema(description = "when the commitment window closes: the end of dueOn in Asia/Ho_Chi_Minh") Instant commitmentsDueAt,
        List<PlanDocument.ReportingDuty> reportingDuties,
        long version,
        Instant publishedAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static PlanView of(Plan p) {
        Plan.Content c = p.content;
        CommitmentWindow window = c.commitmentWindow();
        return new PlanView(p.id, p.type, p.number, p.issuingUnitId, p.issueDate, p.year, p.title, p.topicId, p.parentPlanId,
                p.status, p.revision, c.sections(), c.legalBases(), c.attachments(), c.recipients(), c.tasks(), window,
                window == null || window.dueOn() == null ? null : CampaignDates.endOf(window.dueOn()),
                c.reportingDuties(), p.version, p.publishedAt, p.createdAt, p.createdBy, p.updatedAt, p.updatedBy);
    }

    /** An implementation activity as the API shows it. */
    @Schema(name = "PlanActivity")
    public record ActivityView(UUID id, UUID planId, UUID unitId, String kind, LocalDate heldOn, int participantsExpected,
                               int participantsAttended, double attendanceRate, List<UUID> absentMemberIds, String notes,
                               Instant createdAt, String createdBy) {

        public static ActivityView of(PlanActivity a) {
            double rate = a.participantsExpected == 0 ? 0 : (double) a.participantsAttended / a.participantsExpected;
            return new ActivityView(a.id, a.planId, a.unitId, a.kind.name(), a.heldOn, a.participantsExpected,
                    a.participantsAttended, Math.round(rate * 1000) / 1000.0, List.copyOf(a.absentMemberIds), a.notes,
                    a.createdAt, a.createdBy);
        }
    }
}
