package vn.campaign.commitment.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.commitment.Cursors;
import vn.campaign.foundation.persistence.NativeSql;
import vn.campaign.foundation.plans.MemberCategory;

import java.util.List;
import java.util.UUID;

/**
 * Reads of the roster, each one query with keyset pagination in a stable order. A member's unit
 * path comes from the replicated tree at read time, so a move of a unit in plan-service moves its
 * members with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MemberQueries {

    @Inject
    EntityManager em;

    /** Filters of the roster list; null means any. */
    public record Filter(MemberCategory category, Boolean leader, Boolean exempt, String externalRef) {
    }

    /** Members in the subtree ({@code underPath} an ltree, null: everywhere) by name; cursor (name, id). Up to limit + 1 rows. */
    public List<Member> list(String underPath, Filter filter, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select m.* from member m join org_unit_replica u on u.id = m.unit_id where true");
        if (underPath != null) {
            sql.and("u.path <@ cast(:under as ltree)").bind("under", underPath);
        }
        if (filter.category() != null) {
            sql.and("m.category = :category").bind("category", filter.category().name());
        }
        if (filter.leader() != null) {
            sql.and("m.leader = :leader").bind("leader", filter.leader());
        }
        if (filter.exempt() != null) {
            sql.and(filter.exempt() ? "m.exemption is not null" : "m.exemption is null");
        }
        if (filter.externalRef() != null) {
            sql.and("m.external_ref = :ref").bind("ref", filter.externalRef().trim());
        }
        if (after != null) {
            sql.and("(m.full_name, m.id) > (:afterName, :afterId)").bind("afterName", after.get(0)).bind("afterId", java.util.UUID.fromString(after.get(1)));
        }
        return sql.append(" order by m.full_name, m.id").list(Member.class, limit + 1);
    }

    /** The member's change log, oldest first; cursor seq. */
    public List<MemberChange> history(UUID memberId, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select c.* from member_change c where c.member_id = :member").bind("member", memberId);
        if (after != null) {
            sql.and("c.seq > :afterSeq").bind("afterSeq", Cursors.number(after.get(0)));
        }
        return sql.append(" order by c.seq").list(MemberChange.class, limit + 1);
    }
}
