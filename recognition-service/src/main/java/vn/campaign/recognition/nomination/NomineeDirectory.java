package vn.campaign.recognition.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.web.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a nominee is: a member known from commitment-service's roster events, a unit of the
 * replicated tree (a collective), or a model registered here; with the unit it belongs to.
 */
@ApplicationScoped
public class NomineeDirectory {

    @Inject
    EntityManager em;

    /** A nominee: its display name, and the unit (with path) it belongs to. */
    public record Nominee(NomineeType type, UUID id, String name, UUID unitId, List<UUID> unitPath) {
    }

    /** A nominee's restriction (discipline or inspection), if any. */
    public record Restriction(String reason, String note, java.time.Instant setAt, String setBy) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Nominee> find(NomineeType type, UUID id) {
        String sql = switch (type) {
            case MEMBER -> "select full_name, unit_id, unit_path::text from member_replica where member_id = ?1";
            case COLLECTIVE -> "select name, id, path::text from org_unit_replica where id = ?1";
            case MODEL -> "select name, owner_unit_id, owner_path::text from model where id = ?1";
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Nominee(type, id, (String) r[0], (UUID) r[1], UnitPaths.fromLtree((String) r[2])));
    }

    /** The nominee, or a 404 naming what is unknown. */
    public Nominee require(NomineeType type, UUID id) {
        return find(type, id).orElseThrow(() -> ProblemException.notFound(switch (type) {
            case MEMBER -> "member " + id + " is not known from the roster";
            case COLLECTIVE -> "unit " + id + " does not exist";
            case MODEL -> "model " + id + " does not exist";
        }));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Restriction> restriction(NomineeType type, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reason, note, set_at, set_by from nominee_restriction where nominee_type = ?1 and nominee_id = ?2")
                .setParameter(1, type.name()).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(r -> new Restriction((String) r[0], (String) r[1], toInstant(r[2]), (String) r[3]));
    }

    /** A commitment of a member as heard from commitment-service, citable as evidence. */
    public record CommitmentFact(UUID commitmentId, int year, String status, Integer score, String rating) {
    }

    /** The member's latest commitments (at most 50), newest year first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<CommitmentFact> commitments(UUID memberId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select commitment_id, year, status, score, rating from member_commitment
                        where member_id = ?1 order by year desc, commitment_id limit 50""")
                .setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new CommitmentFact((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2],
                r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4])).toList();
    }

    /** A check-in of a member as heard from commitment-service, citable as evidence. */
    public record CheckInFact(UUID checkInId, UUID commitmentId, int year, int action, String period, int percent) {
    }

    /** The member's latest check-ins (at most 50). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<CheckInFact> checkIns(UUID memberId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select check_in_id, commitment_id, year, action, period, percent from member_check_in
                        where member_id = ?1 order by recorded_at desc, check_in_id limit 50""")
                .setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new CheckInFact((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                (String) r[4], ((Number) r[5]).intValue())).toList();
    }

    static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
