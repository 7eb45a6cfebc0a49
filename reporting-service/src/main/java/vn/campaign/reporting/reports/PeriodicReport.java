package vn.campaign.reporting.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.campaign.foundation.persistence.AuditedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A unit's periodic report (báo cáo định kỳ) on a plan for a period: the figures computed for the
 * unit (a snapshot taken at submission) and the narrative parts.
 */
@Entity
@Table(name = "periodic_report")
public class PeriodicReport extends AuditedEntity {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "unit_path")
    @ColumnTransformer(read = "unit_path::text", write = "cast(? as ltree)")
    public String unitPath;
    public String period;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    /** The unit's figures for the period as submitted (a JSON object of figure to value); empty until the first submission. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String figures;
    /** Results achieved (kết quả đạt được). */
    public String results;
    /** Shortcomings and their causes (hạn chế, nguyên nhân). */
    public String shortcomings;
    /** Tasks and solutions for the next period (phương hướng, nhiệm vụ). */
    @Column(name = "next_steps")
    public String nextSteps;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "on_time")
    public Boolean onTime;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_note")
    public String decisionNote;
}
