package vn.campaign.recognition.model;

import vn.campaign.foundation.ids.TimeOrderedIds;
import vn.campaign.foundation.text.Texts;
import vn.campaign.foundation.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.outbox.Outbox;
import vn.campaign.foundation.recognition.RecognitionEvent;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.ProblemException;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Models: registered by their unit, recognised by a commendation council, replicated by other units. */
@ApplicationScoped
public class ModelService {

    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;

    @Schema(name = "ModelRequest")
    public record ModelRequest(
            @NotBlank @Size(max = 300) @CleanText @Schema(example = "Dân vận khéo: con đường nông thôn sáng - xanh - sạch") String name,
            @NotNull UUID ownerUnitId,
            @NotBlank @Size(max = 200) @CleanText @Schema(example = "dân vận") String field,
            @Size(max = 10000) @CleanText(multiline = true) String description,
            LocalDate startedOn,
            @Size(max = 10000) @CleanText(multiline = true) String results) {
    }

    @Schema(name = "RecognitionRequest")
    public record RecognitionRequest(@Min(2000) @Max(2100) @Schema(description = "year of recognition; this year by default") Integer year) {
    }

    @Schema(name = "ReplicationRequest")
    public record ReplicationRequest(@NotNull @Schema(description = "the unit that applied the model") UUID unitId,
                                     @NotNull LocalDate replicatedOn,
                                     @Size(max = 2000) @CleanText(multiline = true) String note) {
    }

    /** One unit that replicated a model (who recorded it is kept, but not shown: replications are visible to everyone signed in). */
    public record Replication(UUID unitId, String unitName, LocalDate replicatedOn, String note, Instant recordedAt) {
    }

    @Transactional
    public Model register(ModelRequest request) {
        scope.requireRole(Roles.CELL_SECRETARY, Roles.UNIT_OFFICER);
        List<UUID> owner = scope.requireWithin(request.ownerUnitId());
        if (request.startedOn() != null && request.startedOn().isAfter(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))) {
            throw ProblemException.invalid("startedOn", "must not be in the future");
        }
        Model m = new Model();
        m.id = TimeOrderedIds.next();
        m.name = nfc(request.name());
        m.ownerUnitId = request.ownerUnitId();
        m.ownerPath = UnitPaths.toLtree(owner);
        m.field = nfc(request.field());
        m.description = nfc(request.description());
        m.startedOn = request.startedOn();
        m.results = nfc(request.results());
        m.status = ModelStatus.PROPOSED;
        m.createdAt = Instant.now();
        m.createdBy = caller.subject();
        m.updatedAt = m.createdAt;
        m.updatedBy = m.createdBy;
        m.persist();
        em.flush();
        publish(m, RecognitionEvent.MODEL_REGISTERED);
        return m;
    }

    /** PROPOSED → RECOGNISED, by the commendation council of the owner unit or a unit above it. */
    @Transactional
    public Model recognise(UUID id, Integer year, String ifMatch) {
        scope.requireRole(Roles.COMMENDATION_COUNCIL);
        Model m = lock(id);
        scope.requireWithin(m.ownerUnitId);
        ETags.requireMatch(ifMatch, m.version);
        if (!m.status.canBecome(ModelStatus.RECOGNISED)) {
            throw ProblemException.conflict("a " + m.status + " model cannot be recognised");
        }
        m.status = ModelStatus.RECOGNISED;
        m.recognisedAt = Instant.now();
        m.recognisedBy = caller.subject();
        m.recognisedYear = year != null ? year : LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        m.updatedAt = m.recognisedAt;
        m.updatedBy = caller.subject();
        em.flush();
        publish(m, RecognitionEvent.MODEL_RECOGNISED);
        return m;
    }

    /** Another unit records that it applied a recognised model; once per unit. */
    @Transactional
    public Model replicate(UUID id, ReplicationRequest request) {
        scope.requireRole(Roles.CELL_SECRETARY, Roles.UNIT_OFFICER);
        List<UUID> unit = scope.requireWithin(request.unitId());
        Model m = lock(id);
        if (m.status != ModelStatus.RECOGNISED) {
            throw ProblemException.conflict("only a recognised model can be replicated");
        }
        if (m.ownerUnitId.equals(request.unitId())) {
            throw ProblemException.invalid("unitId", "the owner unit does not replicate its own model");
        }
        if (request.replicatedOn().isAfter(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))) {
            throw ProblemException.invalid("replicatedOn", "must not be in the future");
        }
        int inserted = em.createNativeQuery("""
                        insert into model_replication (model_id, unit_id, unit_path, replicated_on, note, recorded_at, recorded_by)
                        values (?1, ?2, cast(?3 as ltree), ?4, ?5, now(), ?6) on conflict do nothing""")
                .setParameter(1, id).setParameter(2, request.unitId()).setParameter(3, UnitPaths.toLtree(unit))
                .setParameter(4, Date.valueOf(request.replicatedOn())).setParameter(5, nfc(request.note()))
                .setParameter(6, caller.subject()).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("unit " + request.unitId() + " already recorded replicating this model");
        }
        m.replicationCount++;
        m.updatedAt = Instant.now();
        m.updatedBy = caller.subject();
        em.flush();
        outbox.publish(RecognitionEvent.TOPIC, RecognitionEvent.AGGREGATE_MODEL, m.id.toString(), RecognitionEvent.MODEL_REPLICATED,
                new RecognitionEvent.ModelReplicated(m.id, m.ownerUnitId, m.ownerPathIds(), request.unitId(), unit,
                        request.replicatedOn(), m.replicationCount, m.updatedAt, caller.actor()));
        return m;
    }

    /** A recognised model is visible to everyone signed in (so others can replicate it); a proposed one only within its subtree. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Model visible(UUID id) {
        Model m = Model.<Model>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("model " + id + " does not exist"));
        if (m.status != ModelStatus.RECOGNISED && !scope.covers(m.ownerPathIds())) {
            throw ProblemException.forbidden("model " + id + " is not recognised yet and belongs to a unit outside your subtree");
        }
        return m;
    }

    /** Replications of a model by unit name; cursor (unitName, unitId). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Replication> replications(UUID id, List<String> after, int limit) {
        visible(id);
        String sql = """
                select r.unit_id, coalesce(u.name, r.unit_id::text) as unit_name, r.replicated_on, r.note, r.recorded_at
                from model_replication r left join org_unit_replica u on u.id = r.unit_id
                where r.model_id = :id""" + (after == null ? "" : " and (coalesce(u.name, r.unit_id::text), r.unit_id) > (:afterName, cast(:afterId as uuid))")
                + " order by 2, 1";
        var query = em.createNativeQuery(sql).setParameter("id", id);
        if (after != null) {
            query.setParameter("afterName", after.get(0)).setParameter("afterId", after.get(1));
        }
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream().map(r -> new Replication((UUID) r[0], (String) r[1], toDate(r[2]), (String) r[3],
                r[4] instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) r[4])).toList();
    }

    /**
     * Models the caller may see (recognised ones anywhere, proposed ones within the subtree),
     * optionally within {@code unit}'s subtree, by status and accent-insensitive name; cursor (name, id).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Model> search(String q, UUID unit, ModelStatus status, Integer year, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select m.* from model m where true");
        if (!scope.isAdmin()) {
            sql.and("(m.status = 'RECOGNISED' or m.owner_path <@ cast(:mine as ltree))").bind("mine", UnitPaths.toLtree(scope.callerPath()));
        }
        sql.andIf(unit == null ? null : UnitPaths.toLtree(scope.pathOf(unit)), "m.owner_path <@ cast(:root as ltree)", "root")
                .andIf(status == null ? null : status.name(), "m.status = :status", "status")
                .andIf(year, "m.recognised_year = :year", "year");
        // every word of the query, accent- and case-insensitively, anywhere in the name
        List<String> words = q == null ? List.of() : java.util.Arrays.stream(q.trim().split("[\\s\\p{Punct}]+"))
                .filter(w -> !w.isBlank()).limit(8).toList();
        for (int i = 0; i < words.size(); i++) {
            sql.and("m.search_name like '%' || campaign_fold(:q" + i + ") || '%'").bind("q" + i, words.get(i));
        }
        if (after != null) {
            sql.and("(m.name, m.id) > (:afterName, cast(:afterId as uuid))").bind("afterName", after.get(0)).bind("afterId", after.get(1));
        }
        return sql.append(" order by m.name, m.id").list(Model.class, limit + 1);
    }

    private Model lock(UUID id) {
        return Model.<Model>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("model " + id + " does not exist"));
    }

    private void publish(Model m, String type) {
        outbox.publish(RecognitionEvent.TOPIC, RecognitionEvent.AGGREGATE_MODEL, m.id.toString(), type,
                new RecognitionEvent.ModelState(m.id, m.name, m.ownerUnitId, m.ownerPathIds(), m.field, m.status.name(),
                        m.recognisedYear, m.replicationCount, m.version, m.updatedAt, caller.actor()));
    }

    private static String nfc(String value) {
        return Texts.normalize(value);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
