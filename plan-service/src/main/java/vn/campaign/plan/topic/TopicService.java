package vn.campaign.plan.topic;

import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.text.Texts;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Topics: owned by a unit, visible along its line (to the units above and below it). */
@ApplicationScoped
public class TopicService {

    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;

    /** A topic as written by its owner. */
    @Schema(name = "TopicRequest")
    public record TopicRequest(
            @NotNull Topic.Kind kind,
            @NotBlank @Size(max = 500) @CleanText @Schema(example = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ...") String title,
            @Size(max = 10000) @CleanText(multiline = true) String summary,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2024") Integer startYear,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2024") Integer endYear,
            @Schema(description = "for an annual topic: the term topic it belongs to") UUID parentTopicId,
            @NotNull @Schema(description = "the unit that chose the topic") UUID ownerUnitId) {
    }

    @Transactional
    public Topic create(TopicRequest request) {
        Topic topic = new Topic();
        topic.id = TimeOrderedIds.next();
        topic.createdAt = Instant.now();
        topic.createdBy = caller.subject();
        apply(topic, request);
        topic.persist();
        return topic;
    }

    @Transactional
    public Topic update(UUID id, TopicRequest request, String ifMatch) {
        Topic topic = get(id);
        requireOwnerOfficer(topic.ownerUnitId);
        ETags.requireMatch(ifMatch, topic.version);
        if (!topic.ownerUnitId.equals(request.ownerUnitId())) {
            throw ProblemException.invalid("ownerUnitId", "a topic cannot change its owner");
        }
        apply(topic, request);
        em.flush();
        return topic;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Topic topic = get(id);
        requireOwnerOfficer(topic.ownerUnitId);
        ETags.requireMatch(ifMatch, topic.version);
        long annual = Topic.count("parentTopicId", id);
        long plans = ((Number) em.createNativeQuery("select count(*) from plan where topic_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        if (annual > 0 || plans > 0) {
            throw ProblemException.conflict("the topic is used by " + annual + " annual topic(s) and " + plans + " plan(s)");
        }
        topic.delete();
    }

    /** The topic, if the caller may see it: its owner is in the caller's subtree or above the caller. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Topic visible(UUID id) {
        Topic topic = get(id);
        requireVisible(topic);
        return topic;
    }

    public void requireVisible(Topic topic) {
        if (!scope.isAdmin() && !scope.covers(topic.ownerPathIds()) && !UnitPaths.within(scope.callerPath(), topic.ownerPathIds())) {
            throw ProblemException.forbidden("topic " + topic.id + " belongs to a unit outside your line of the tree");
        }
    }

    /** Topics covering the year (when given) that the caller may see, by start year and title; cursor (startYear, title, id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Topic> list(Integer year, Topic.Kind kind, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select t.* from topic t where true")
                .andIf(year, ":year between t.start_year and t.end_year", "year")
                .andIf(kind == null ? null : kind.name(), "t.kind = :kind", "kind");
        if (!scope.isAdmin()) {
            sql.and("(t.owner_path <@ cast(:mine as ltree) or t.owner_path @> cast(:mine as ltree))").bind("mine", UnitPaths.toLtree(scope.callerPath()));
        }
        if (after != null) {
            sql.and("(t.start_year, t.title, t.id) > (cast(:afterYear as int), :afterTitle, cast(:afterId as uuid))")
                    .bind("afterYear", after.get(0)).bind("afterTitle", after.get(1)).bind("afterId", after.get(2));
        }
        return sql.append(" order by t.start_year, t.title, t.id").list(Topic.class, limit + 1);
    }

    private void apply(Topic topic, TopicRequest request) {
        List<UUID> ownerPath = requireOwnerOfficer(request.ownerUnitId());
        if (request.endYear() < request.startYear()) {
            throw ProblemException.invalid("endYear", "must not be before startYear");
        }
        if (request.kind() == Topic.Kind.ANNUAL) {
            if (!request.startYear().equals(request.endYear())) {
                throw ProblemException.invalid("endYear", "an annual topic covers one year: endYear must equal startYear");
            }
            if (request.parentTopicId() == null) {
                throw ProblemException.invalid("parentTopicId", "an annual topic belongs to a term topic");
            }
            Topic parent = Topic.<Topic>findByIdOptional(request.parentTopicId())
                    .orElseThrow(() -> ProblemException.invalid("parentTopicId", "no topic " + request.parentTopicId()));
            requireVisible(parent);
            if (parent.kind != Topic.Kind.TERM) {
                throw ProblemException.invalid("parentTopicId", "must be a term topic");
            }
            if (request.startYear() < parent.startYear || request.startYear() > parent.endYear) {
                throw ProblemException.invalid("startYear", "must lie within the term topic's years " + parent.startYear + "-" + parent.endYear);
            }
        } else if (request.parentTopicId() != null) {
            throw ProblemException.invalid("parentTopicId", "a term topic has no parent topic");
        }
        topic.kind = request.kind();
        topic.title = Texts.normalize(request.title());
        topic.summary = Texts.normalize(request.summary());
        topic.startYear = request.startYear();
        topic.endYear = request.endYear();
        topic.parentTopicId = request.parentTopicId();
        topic.ownerUnitId = request.ownerUnitId();
        topic.ownerPath = UnitPaths.toLtree(ownerPath);
        topic.updatedAt = Instant.now();
        topic.updatedBy = caller.subject();
    }

    /** Topics are chosen by a unit's own officers. */
    private List<UUID> requireOwnerOfficer(UUID unit) {
        List<UUID> path = scope.requireWithin(unit);
        if (!scope.isAdmin() && !caller.unit().map(unit::equals).orElse(false)) {
            throw ProblemException.forbidden("only officers of unit " + unit + " may set its topics");
        }
        return path;
    }

    private Topic get(UUID id) {
        return Topic.<Topic>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("topic " + id + " does not exist"));
    }
}
