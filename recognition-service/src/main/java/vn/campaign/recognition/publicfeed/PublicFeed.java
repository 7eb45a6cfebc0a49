package vn.campaign.recognition.publicfeed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.recognition.award.Award;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The public feed for provincial portals: published awards and recognised models, with the
 * name, unit and achievement of each, nothing else (no member ids, no evidence). Open to the
 * {@code integration} role (and admin): the portal system is accountable for what it shows, and
 * a token can be revoked; an integration token naming a unit sees only that subtree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicFeed {

    @Inject
    EntityManager em;
    @Inject
    Scope scope;
    @Inject
    Caller caller;

    @Schema(name = "PublicRecipient")
    public record PublicRecipient(String name, String unit, String achievement) {
    }

    @Schema(name = "PublicAward")
    public record PublicAward(String form, int year, LocalDate decidedOn, String grantingUnit, List<PublicRecipient> recipients) {
    }

    @Schema(name = "PublicModel")
    public record PublicModel(String name, String unit, String achievement, String field, int year, int replicationCount) {
    }

    /** A feed row with its keyset position. */
    public record Row<T>(T item, String sortKey, UUID id) {
    }

    /** Published awards granted within the subtree; cursor (decidedOn, id). */
    @SuppressWarnings("unchecked")
    public List<Row<PublicAward>> awards(UUID unit, Integer year, List<String> after, int limit) {
        List<UUID> root = root(unit);
        String sql = "select a.* from award a where a.published and a.granting_path <@ cast(:root as ltree)"
                + (year == null ? "" : " and a.year = :year")
                + (after == null ? "" : " and (a.decided_on, a.id) > (cast(:afterOn as date), cast(:afterId as uuid))")
                + " order by a.decided_on, a.id";
        var query = em.createNativeQuery(sql, Award.class).setParameter("root", UnitPaths.toLtree(root));
        if (year != null) {
            query.setParameter("year", year);
        }
        if (after != null) {
            query.setParameter("afterOn", after.get(0)).setParameter("afterId", after.get(1));
        }
        List<Award> awards = query.setMaxResults(limit + 1).getResultList();
        return awards.stream().map(a -> new Row<>(new PublicAward(a.form.name(), a.year, a.decidedOn, unitName(a.grantingUnitId),
                a.recipients.stream().map(r -> new PublicRecipient(r.name(), r.unitName(), r.achievement())).toList()),
                a.decidedOn.toString(), a.id)).toList();
    }

    /** Recognised models owned within the subtree; cursor (name, id). */
    @SuppressWarnings("unchecked")
    public List<Row<PublicModel>> models(UUID unit, Integer year, List<String> after, int limit) {
        List<UUID> root = root(unit);
        String sql = """
                select m.id, m.name, coalesce(u.name, ''), m.results, m.field, m.recognised_year, m.replication_count
                from model m left join org_unit_replica u on u.id = m.owner_unit_id
                where m.status = 'RECOGNISED' and m.owner_path <@ cast(:root as ltree)"""
                + (year == null ? "" : " and m.recognised_year = :year")
                + (after == null ? "" : " and (m.name, m.id) > (:afterName, cast(:afterId as uuid))")
                + " order by m.name, m.id";
        var query = em.createNativeQuery(sql).setParameter("root", UnitPaths.toLtree(root));
        if (year != null) {
            query.setParameter("year", year);
        }
        if (after != null) {
            query.setParameter("afterName", after.get(0)).setParameter("afterId", after.get(1));
        }
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream().map(r -> new Row<>(new PublicModel((String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue()), (String) r[1], (UUID) r[0])).toList();
    }

    private List<UUID> root(UUID unit) {
        scope.requireRole(Roles.INTEGRATION);
        if (unit != null) {
            return caller.unit().isPresent() ? scope.requireWithin(unit) : scope.pathOf(unit);
        }
        if (caller.unit().isPresent()) {
            return scope.callerPath();
        }
        throw ProblemException.invalid("unit", "required: the subtree whose feed you want");
    }

    private String unitName(UUID unit) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from org_unit_replica where id = ?1").setParameter(1, unit).getResultList();
        return names.isEmpty() ? "" : names.get(0);
    }
}
