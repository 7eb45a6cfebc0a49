package vn.campaign.recognition.nomination;

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

import java.util.List;
import java.util.UUID;

/** Nomination (đề nghị biểu dương, khen thưởng) of a member, a collective or a model. */
@Entity
@Table(name = "nomination")
public class Nomination extends AuditedEntity {

    /** How the nomination came about: the yearly round, a thematic review, or an occasion. */
    public enum Kind { REGULAR, THEMATIC, AD_HOC }

    /** What a piece of evidence is: a citation of the nominee's commitment, check-in or evaluation (from events), or a document or note. */
    public enum EvidenceKind { COMMITMENT, CHECK_IN, EVALUATION, DOCUMENT, NOTE }

    /** One piece of evidence; {@code summary} is what the service found for a citation (e.g. the rating). */
    public record Evidence(EvidenceKind kind, UUID reference, String note, String summary) {
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "nominee_type")
    public NomineeType nomineeType;
    @Column(name = "nominee_id")
    public UUID nomineeId;
    @Column(name = "nominee_name")
    public String nomineeName;
    @Column(name = "nominee_unit_id")
    public UUID nomineeUnitId;
    @Column(name = "nominee_path")
    @ColumnTransformer(read = "nominee_path::text", write = "cast(? as ltree)")
    public String nomineePath;
    @Column(name = "proposing_unit_id")
    public UUID proposingUnitId;
    @Column(name = "proposing_path")
    @ColumnTransformer(read = "proposing_path::text", write = "cast(? as ltree)")
    public String proposingPath;
    public int year;
    @Column(name = "topic_id")
    public UUID topicId;
    public String achievements;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Evidence> evidence;
    @Enumerated(EnumType.STRING)
    public RecognitionForm form;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public NominationStatus status;
    @Column(name = "current_unit_id")
    public UUID currentUnitId;
    @Column(name = "current_path")
    @ColumnTransformer(read = "current_path::text", write = "cast(? as ltree)")
    public String currentPath;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "award_id")
    public UUID awardId;

    public List<UUID> nomineePathIds() {
        return UnitPaths.fromLtree(nomineePath);
    }

    public List<UUID> proposingPathIds() {
        return UnitPaths.fromLtree(proposingPath);
    }

    public List<UUID> currentPathIds() {
        return UnitPaths.fromLtree(currentPath);
    }
}
