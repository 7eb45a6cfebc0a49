package vn.campaign.recognition.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;

import java.util.List;
import java.util.UUID;

/** Who a unit could nominate for a year: members rated EXCELLENT, and recognised models that others replicated. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CandidateQueries {

    @Inject
    EntityManager em;
    @Inject
    Scope scope;

    /** A member rated EXCELLENT in the year (best score among the member's commitments). */
    @Schema(name = "MemberCandidate")
    public record MemberCandidate(UUID memberId, String fullName, UUID unitId, String unitName, int score, UUID commitmentId, boolean restricted) {
    }

    /** A recognised model with replications. */
    @Schema(name = "ModelCandidate")
    public record ModelCandidate(UUID modelId, String name, UUID unitId, String unitName, int replicationCount, Integer recognisedYear, boolean restricted) {
    }

    /** Members of {@code unit}'s subtree rated EXCELLENT in {@code year}; cursor (memberId). */
    @SuppressWarnings("unchecked")
    public List<MemberCandidate> members(UUID unit, int year, List<String> after, int limit) {
        requireReader();
        List<UUID> root = scope.requireWithin(unit);
        String sql = """
                select c.member_id, coalesce(m.full_name, 'member ' || c.member_id::text), c.unit_id, coalesce(u.name, c.unit_id::text),
                       max(c.score), (array_agg(c.commitment_id order by c.score desc nulls last))[1],
                       exists (select 1 from nominee_restriction r where r.nominee_type = 'MEMBER' and r.nominee_id = c.member_id)
                from member_commitment c
                left join member_replica m on m.member_id = c.member_id
                left join org_unit_replica u on u.id = c.unit_id
                where c.rating = 'EXCELLENT' and c.year = :year and c.unit_path <@ cast(:root as ltree)"""
                + (after == null ? "" : " and c.member_id > cast(:after as uuid)")
                + " group by c.member_id, m.full_name, c.unit_id, u.name order by c.member_id";
        var query = em.createNativeQuery(sql).setParameter("year", year).setParameter("root", UnitPaths.toLtree(root));
        if (after != null) {
            query.setParameter("after", after.get(0));
        }
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream().map(r -> new MemberCandidate((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                r[4] == null ? 0 : ((Number) r[4]).intValue(), (UUID) r[5], (Boolean) r[6])).toList();
    }

    /** Recognised models of {@code unit}'s subtree (recognised by {@code year}) that other units replicated; cursor (modelId). */
    @SuppressWarnings("unchecked")
    public List<ModelCandidate> models(UUID unit, int year, List<String> after, int limit) {
        requireReader();
        List<UUID> root = scope.requireWithin(unit);
        String sql = """
                select m.id, m.name, m.owner_unit_id, coalesce(u.name, m.owner_unit_id::text), m.replication_count, m.recognised_year,
                       exists (select 1 from nominee_restriction r where r.nominee_type = 'MODEL' and r.nominee_id = m.id)
                from model m left join org_unit_replica u on u.id = m.owner_unit_id
                where m.status = 'RECOGNISED' and m.replication_count > 0 and m.recognised_year <= :year
                  and m.owner_path <@ cast(:root as ltree)"""
                + (after == null ? "" : " and m.id > cast(:after as uuid)")
                + " order by m.id";
        var query = em.createNativeQuery(sql).setParameter("year", year).setParameter("root", UnitPaths.toLtree(root));
        if (after != null) {
            query.setParameter("after", after.get(0));
        }
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        return rows.stream().map(r -> new ModelCandidate((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(), (Boolean) r[6])).toList();
    }

    private void requireReader() {
        scope.requireRole(Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL);
    }
}
