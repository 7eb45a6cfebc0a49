package vn.campaign.foundation.plans;

import vn.campaign.foundation.security.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payloads on {@link vn.campaign.foundation.events.Topics#PLANS}, keyed by plan id. They carry
 * what commitment-service and reporting-service need (unit path, year, commitment window,
 * reporting duties) so that neither has to call plan-service back.
 */
public final class PlanEvent {

    public static final String PUBLISHED = "plan.published.v1";
    public static final String AMENDED = "plan.amended.v1";
    public static final String WITHDRAWN = "plan.withdrawn.v1";
    public static final String ARCHIVED = "plan.archived.v1";
    public static final String ACKNOWLEDGED = "plan.acknowledged.v1";
    public static final String IMPLEMENTATION_LINKED = "plan.implementation-linked.v1";
    public static final String ACTIVITY_RECORDED = "plan.activity-recorded.v1";

    private PlanEvent() {
    }

    /** A recipient: one unit, or a whole subtree (optionally only units of some kinds). */
    public record Recipient(UUID unitId, List<UUID> unitPath, boolean includeSubtree, List<String> kinds) {
    }

    /** A reporting duty: a report per period of this type, due so many days after the period ends. */
    public record ReportingDuty(String periodType, int daysAfterPeriodEnd) {
    }

    /**
     * {@code plan.published.v1}, {@code plan.amended.v1}, {@code plan.withdrawn.v1},
     * {@code plan.archived.v1}: the plan's state after the change. {@code expectedUnitIds}
     * are the recipient units expected to acknowledge and implement it.
     */
    public record PlanState(
            UUID planId,
            String number,
            String type,
            String title,
            String status,
            int revision,
            UUID issuingUnitId,
            List<UUID> unitPath,
            int year,
            LocalDate issueDate,
            UUID topicId,
            String topicTitle,
            UUID parentPlanId,
            List<Recipient> recipients,
            int expectedUnitCount,
            CommitmentWindow commitmentWindow,
            List<ReportingDuty> reportingDuties,
            Actor actor) {
    }

    /** {@code plan.acknowledged.v1}: a recipient unit acknowledged receipt. */
    public record Acknowledged(UUID planId, int year, UUID unitId, List<UUID> unitPath, Instant acknowledgedAt, Actor actor) {
    }

    /** {@code plan.implementation-linked.v1}: a recipient unit issued its implementing plan. */
    public record ImplementationLinked(UUID planId, int year, UUID unitId, List<UUID> unitPath, UUID implementingPlanId,
                                       Instant linkedAt, Actor actor) {
    }

    /** {@code plan.activity-recorded.v1}: a study session or topical meeting held by a unit. */
    public record ActivityRecorded(UUID planId, UUID activityId, int year, UUID unitId, List<UUID> unitPath, String kind,
                                   LocalDate heldOn, int participantsExpected, int participantsAttended, Actor actor) {
    }
}
