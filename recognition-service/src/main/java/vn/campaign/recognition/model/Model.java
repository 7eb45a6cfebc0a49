package vn.campaign.recognition.model;

import vn.campaign.foundation.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.campaign.foundation.security.UnitPaths;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Model (mô hình, cách làm hay, "người tốt, việc tốt") of a unit, recognised and replicated elsewhere (nhân rộng). */
@Entity
@Table(name = "model")
public class Model extends AuditedEntity {

    @Id
    public UUID id;
    public String name;
    @Column(name = "owner_unit_id")
    public UUID ownerUnitId;
    @Column(name = "owner_path")
    @ColumnTransformer(read = "owner_path::text", write = "cast(? as ltree)")
    public String ownerPath;
    public String field;
    public String description;
    @Column(name = "started_on")
    public LocalDate startedOn;
    public String results;
    @Enumerated(EnumType.STRING)
    public ModelStatus status;
    @Column(name = "recognised_year")
    public Integer recognisedYear;
    @Column(name = "recognised_at")
    public Instant recognisedAt;
    @Column(name = "recognised_by")
    public String recognisedBy;
    @Column(name = "replication_count")
    public int replicationCount;

    public List<UUID> ownerPathIds() {
        return UnitPaths.fromLtree(ownerPath);
    }
}
