package vn.campaign.plan.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.plan.topic.Topic;

import java.time.Instant;
import java.util.UUID;

/** A topic as the API shows it. */
@Schema(name = "Topic")
public record TopicView(UUID id, Topic.Kind kind, String title, String summary, int startYear, int endYear,
                        UUID parentTopicId, UUID ownerUnitId, long version, Instant createdAt, String createdBy,
                        Instant updatedAt, String updatedBy) {

    public static TopicView of(Topic t) {
        return new TopicView(t.id, t.kind, t.title, t.summary, t.startYear, t.endYear, t.parentTopicId, t.ownerUnitId,
                t.version, t.createdAt, t.createdBy, t.updatedAt, t.updatedBy);
    }
}
