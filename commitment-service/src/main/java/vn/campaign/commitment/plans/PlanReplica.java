package vn.campaign.commitment.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.campaign.foundation.plans.CommitmentTemplate;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;
import vn.campaign.foundation.time.CampaignDates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * This service's copy of a plan (kế hoạch) from plan-service: to whom it is addressed and its
 * commitment window. Written only by {@link PlanReplicas} from the plans topic.
 */
@Entity
@Table(name = "plan_replica")
public class PlanReplica extends PanacheEntityBase {

    public static final int DEFAULT_MIN_ACTIONS = 1;
    public static final int DEFAULT_MAX_ACTIONS = 2;

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    public String number;
    public String title;
    public String status;
    public int revision;
    @Column(name = "issuing_unit_id")
    public UUID issuingUnitId;
    public int year;
    @Column(name = "topic_id")
    public UUID topicId;
    @Column(name = "recipient_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> recipientIds = new ArrayList<>();
    @Column(name = "has_window")
    public boolean hasWindow;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> templates;
    @Column(name = "min_actions")
    public Integer minActions;
    @Column(name = "max_actions")
    public Integer maxActions;
    @Column(name = "exempt_categories")
    /** null: the plan names none, so every exemption applies (see {@link #exempts}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> exemptCategories;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Published (or amended): members may write new commitments for it. */
    public boolean acceptsCommitments() {
        return "PUBLISHED".equals(status) || "AMENDED".equals(status);
    }

    public int minActions() {
        return minActions == null ? DEFAULT_MIN_ACTIONS : minActions;
    }

    public int maxActions() {
        return maxActions == null ? DEFAULT_MAX_ACTIONS : maxActions;
    }

    public boolean allows(CommitmentTemplate template) {
        return templates == null || templates.isEmpty() || templates.contains(template.name());
    }

    /** The member categories whose template this plan allows. */
    public List<MemberCategory> categories() {
        return Arrays.stream(MemberCategory.values()).filter(c -> allows(c.template())).toList();
    }

    /**
     * Whether a member with this exemption need not write a commitment for the plan. A plan that
     * names no exempt categories follows SPEC's general rule: every exempted member is excused.
     */
    public boolean exempts(ExemptionCategory exemption) {
        return exemption != null && (exemptCategories == null || exemptCategories.contains(exemption.name()));
    }

    /** The exemptions that excuse a member from this plan. */
    public List<ExemptionCategory> exemptions() {
        return Arrays.stream(ExemptionCategory.values()).filter(this::exempts).toList();
    }

    /** Whether {@code now} is after the end of the due date (Asia/Ho_Chi_Minh): a submission now is late. */
    public boolean dueHasPassed(Instant now) {
        return dueOn != null && CampaignDates.isAfter(dueOn, now);
    }

    public Instant opensAt() {
        return opensOn == null ? null : opensOn.atStartOfDay(CampaignDates.ZONE).toInstant();
    }
}
