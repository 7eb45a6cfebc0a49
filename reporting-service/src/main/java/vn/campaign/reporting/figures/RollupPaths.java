package vn.campaign.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.campaign.foundation.persistence.NativeSql;
import vn.campaign.foundation.security.UnitPaths;

import java.util.ArrayList;
import java.util.Collection;
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

    /** The roll-up paths of many units in one query (units the replica does not know are left out). */
    public java.util.Map<UUID, List<UUID>> ofAll(java.util.Collection<UUID> units) {
        java.util.Map<UUID, List<UUID>> paths = new java.util.HashMap<>();
        if (units.isEmpty()) {
            return paths;
        }
        String ids = units.stream().distinct().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, path::text, valid_to is not null and successor_id is not null from org_unit_replica
                        where id in (select cast(jsonb_array_elements_text(cast(?1 as jsonb)) as uuid))""")
                .setParameter(1, ids).getResultList();
        for (Object[] row : rows) {
            UUID unit = (UUID) row[0];
            if (Boolean.TRUE.equals(row[2])) {
                of(unit).ifPresent(path -> paths.put(unit, path));
            } else {
                paths.put(unit, UnitPaths.fromLtree((String) row[1]));
            }
        }
        return paths;
    }

    /**
     * Units closed by a merge into one of {@code units}, or into a unit so closed, and so on (up
     * to {@value #MAX_SUCCESSIONS} merges deep).
     */
    @SuppressWarnings("unchecked")
    public List<UUID> predecessorsOfAll(Collection<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("""
                        with recursive closed(id, depth) as (
                            select id, 1 from org_unit_replica
                            where successor_id = any(cast(?1 as uuid[])) and valid_to is not null
                          union
                            select r.id, c.depth + 1 from org_unit_replica r join closed c on r.successor_id = c.id
                            where r.valid_to is not null and c.depth < ?2)
                        select distinct id from closed""")
                .setParameter(1, NativeSql.uuidArray(units))
                .setParameter(2, MAX_SUCCESSIONS).getResultList();
    }
}
