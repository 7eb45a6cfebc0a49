package vn.campaign.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A study session or topical meeting a unit held for a plan. Absentees by member id only. */
@Entity
@Table(name = "plan_activity")
public class PlanActivity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "unit_path")
    @ColumnTransformer(read = "unit_path::text", write = "cast(? as ltree)")
    public String unitPath;
    @Enumerated(EnumType.STRING)
    public ActivityKind kind;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public int year;
    @Column(name = "participants_expected")
    public int participantsExpected;
    @Column(name = "participants_attended")
    public int participantsAttended;
    @Column(name = "absent_member_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> absentMemberIds = new ArrayList<>();
    public String notes;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
