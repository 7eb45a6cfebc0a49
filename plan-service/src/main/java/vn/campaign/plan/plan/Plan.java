package vn.campaign.plan.plan;

import vn.campaign.foundation.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.campaign.foundation.plans.CommitmentWindow;
import vn.campaign.foundation.security.UnitPaths;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Plan document (kế hoạch, hướng dẫn, ...) issued by a unit, and its place in the cascade. */
@Entity
@Table(name = "plan")
public class Plan extends AuditedEntity {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public PlanType type;
    public String number;
    @Column(name = "issuing_unit_id")
    public UUID issuingUnitId;
    @Column(name = "issuing_path")
    @ColumnTransformer(read = "issuing_path::text", write = "cast(? as ltree)")
    public String issuingPath;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    public int year;
    public String title;
    @Column(name = "topic_id")
    public UUID topicId;
    @Column(name = "parent_plan_id")
    public UUID parentPlanId;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    /** 0 while a draft, 1 when published, +1 per amendment. */
    public int revision;
    @JdbcTypeCode(SqlTypes.JSON)
    public Content content;
    @Column(name = "published_at")
    public Instant publishedAt;

    public List<UUID> issuingPathIds() {
        return UnitPaths.fromLtree(issuingPath);
    }

    /** The parts of the document kept as one JSON value. */
    public record Content(PlanDocument.Sections sections,
                          List<PlanDocument.LegalBasis> legalBases,
                          List<PlanDocument.Attachment> attachments,
                          List<PlanDocument.Recipient> recipients,
                          List<PlanDocument.Task> tasks,
                          CommitmentWindow commitmentWindow,
                          List<PlanDocument.ReportingDuty> reportingDuties) {
    }
}
