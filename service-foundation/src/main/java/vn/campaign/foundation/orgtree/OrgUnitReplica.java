package vn.campaign.foundation.orgtree;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.persistence.NativeSql;
import vn.campaign.foundation.security.UnitPaths;

import java.sql.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * This service's copy of the organisation tree, kept from the org-units topic. A snapshot older
 * than the stored one (by version) is ignored, so replays and reordering cannot go backwards.
 */
@ApplicationScoped
public class OrgUnitReplica {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    jakarta.enterprise.event.Event<Changed> changes;

    /** The units changed so far by the snapshots of {@link #together}, on its thread. */
    private final ThreadLocal<Set<UUID>> collecting = new ThreadLocal<>();

    /**
     * Runs {@code applications}, which apply snapshots through {@link #apply}, and then announces
     * every unit they changed in one {@link Changed}: a consumer of a poll of snapshots lets the
     * services that follow the tree move a subtree's data in one pass instead of a unit at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void together(Runnable applications) {
        Set<UUID> changed = new LinkedHashSet<>();
        collecting.set(changed);
        try {
            applications.run();
        } finally {
            collecting.remove();
        }
        if (!changed.isEmpty()) {
            changes.fire(new Changed(List.copyOf(changed)));
        }
    }

    /** Applies one snapshot; outside {@link #together} a change is announced at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        OrgUnitSnapshot unit = event.data(json, OrgUnitSnapshot.class);
        if (unit.unitId() == null || unit.code() == null || unit.name() == null || unit.kind() == null
                || unit.unitPath() == null || unit.unitPath().isEmpty()
                || !unit.unitPath().get(unit.unitPath().size() - 1).equals(unit.unitId())) {
            throw new PoisonEventException("org-unit snapshot " + event.id() + " lacks id, code, name, kind or a path ending in the unit");
        }
        boolean changed = em.createNativeQuery("""
                        insert into org_unit_replica (id, code, name, kind, parent_id, path, valid_from, valid_to,
                                                      successor_id, predecessor_ids, version, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as ltree), ?7, ?8, ?9, cast(?10 as uuid[]), ?11, now())
                        on conflict (id) do update set code = excluded.code, name = excluded.name, kind = excluded.kind,
                            parent_id = excluded.parent_id, path = excluded.path, valid_from = excluded.valid_from,
                            valid_to = excluded.valid_to, successor_id = excluded.successor_id,
                            predecessor_ids = excluded.predecessor_ids, version = excluded.version, updated_at = now()
                        where org_unit_replica.version < excluded.version""")
                .setParameter(1, unit.unitId())
                .setParameter(2, unit.code())
                .setParameter(3, unit.name())
                .setParameter(4, unit.kind().name())
                .setParameter(5, unit.parentId())
                .setParameter(6, UnitPaths.toLtree(unit.unitPath()))
                .setParameter(7, unit.validFrom() == null ? null : Date.valueOf(unit.validFrom()))
                .setParameter(8, unit.validTo() == null ? null : Date.valueOf(unit.validTo()))
                .setParameter(9, unit.successorId())
                .setParameter(10, NativeSql.uuidArray(unit.predecessorIds()))
                .setParameter(11, unit.version())
                .executeUpdate() == 1;
        if (changed) {
            Set<UUID> batch = collecting.get();
            if (batch != null) {
                batch.add(unit.unitId());
            } else {
                changes.fire(new Changed(List.of(unit.unitId())));
            }
        }
    }

    /**
     * Fired, in the consuming transaction, after snapshots changed units of the replica (in the
     * order they were applied, each once): a service whose data hangs on the tree (reporting's
     * roll-ups) follows moves and merges here.
     */
    public record Changed(List<UUID> unitIds) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReplicatedUnit> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, code, name, kind, parent_id, path::text, valid_from, valid_to, successor_id, version
                        from org_unit_replica where id = ?1""")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new ReplicatedUnit((UUID) r[0], (String) r[1], (String) r[2],
                OrgUnitKind.valueOf((String) r[3]), (UUID) r[4], UnitPaths.fromLtree((String) r[5]),
                localDate(r[6]), localDate(r[7]),
                (UUID) r[8], ((Number) r[9]).longValue()));
    }

    private static java.time.LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (java.time.LocalDate) value;
    }

    /** A unit as this service knows it. */
    public record ReplicatedUnit(UUID id, String code, String name, OrgUnitKind kind, UUID parentId, List<UUID> path,
                                 java.time.LocalDate validFrom, java.time.LocalDate validTo, UUID successorId, long version) {
    }
}
