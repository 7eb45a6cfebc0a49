package vn.campaign.recognition.award;

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
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.foundation.security.UnitPaths;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Award decision (quyết định khen thưởng) of a granting unit, with its recipients. */
@Entity
@Table(name = "award")
public class Award extends AuditedEntity {

    /** From approved nominations, entered directly, or recorded from a praise at a cell meeting (no decision number). */
    public enum Origin { NOMINATION, DIRECT, MEETING_PRAISE }

    /** One recipient; name and unit name are kept as they were on the decision. */
    public record Recipient(NomineeType nomineeType, UUID nomineeId, String name, UUID unitId, String unitName,
                            String achievement, UUID nominationId) {
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    public int year;
    @Enumerated(EnumType.STRING)
    public RecognitionForm form;
    @Column(name = "granting_unit_id")
    public UUID grantingUnitId;
    @Column(name = "granting_path")
    @ColumnTransformer(read = "granting_path::text", write = "cast(? as ltree)")
    public String grantingPath;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Recipient> recipients;
    @Column(name = "praise_check_in_id")
    public UUID praiseCheckInId;
    public boolean published;
    @Column(name = "published_at")
    public Instant publishedAt;

    public List<UUID> grantingPathIds() {
        return UnitPaths.fromLtree(grantingPath);
    }
}
