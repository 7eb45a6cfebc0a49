package vn.campaign.plan.topic;

import vn.campaign.foundation.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.campaign.foundation.security.UnitPaths;

import java.util.List;
import java.util.UUID;

/** Topic (chuyên đề): the term-wide theme (toàn khóa) or a year's theme (chuyên đề năm) under it. */
@Entity
@Table(name = "topic")
public class Topic extends AuditedEntity {

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

    public List<UUID> ownerPathIds() {
        return UnitPaths.fromLtree(ownerPath);
    }
}
