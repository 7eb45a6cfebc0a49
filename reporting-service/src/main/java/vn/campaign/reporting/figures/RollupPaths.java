package vn.campaign.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.campaign.foundation.security.UnitPaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a unit's figures roll up: its place in the replicated tree, except that a unit closed by
 * a merge rolls up under its successor (SPEC: figures of closed units roll up under their
 * successor from the merge date on).
 */
@ApplicationScoped
public class RollupPaths {

    private static final int MAX_SUCCESSIONS = 10;

    @Inject
    EntityManager em;

    /** The roll-up path of the unit, or empty while the replica does not know it yet. */
    public Optional<List<UUID>> of(UUID unit) {
        UUID current = unit;
        List<UUID> tail = new ArrayList<>();
        for (int i = 0; i < MAX_SUCCESSIONS; i++) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select path::text, case when valid_to is not null then successor_id end
                            from org_unit_replica where id = ?1""")
                    .setParameter(1, current).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            UUID successor = (UUID) rows.get(0)[1];
            if (successor == null) {
                List<UUID> path = new ArrayList<>(UnitPaths.fromLtree((String) rows.get(0)[0]));
                path.addAll(tail);
                return Optional.of(path);
            }
            tail.add(0, current);
            current = successor;
        }
        return Optional.empty();
    }

    /** Units closed into {@code unit} by a merge. */
    @SuppressWarnings("unchecked")
    public List<UUID> predecessorsOf(UUID unit) {
        return em.createNativeQuery("select id from org_unit_replica where successor_id = ?1 and valid_to is not null")
                .setParameter(1, unit).getResultList();
    }
}
