package vn.campaign.plan.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import vn.campaign.foundation.security.UnitPaths;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Topic (chuyên đề): the term-wide theme (toàn khóa) or a year's theme (chuyên đề năm) under it. */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    /** Term-wide or annual. */
    public enum Kind { TERM, ANNUAL }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String title;
    public String summary;
    @Column(name = "start_year")
    public int startYear;
    @Column(name = "end_year")
    public int endYear;
    @Column(name = "parent_topic_id")
    public UUID parentTopicId;
    @Column(name = "owner_unit_id")
    public UUID ownerUnitId;
    @Column(name = "owner_path")
    @ColumnTransformer(read = "owner_path::text", write = "cast(? as ltree)")
    public String ownerPath;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public List<UUID> ownerPathIds() {
        return UnitPaths.fromLtree(ownerPath);
    }
}
