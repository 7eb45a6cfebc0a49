package vn.campaign.reporting.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.security.UnitPaths;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps {@code unit_figure} exact by deltas. Each aggregate's current contribution (metric
 * values per period) and unit path are stored; a new state replaces the old one, and the
 * difference is added to every unit on the old and new paths. Replays and out-of-order states
 * (by version) change nothing, so the figures equal a recount.
 */
@ApplicationScoped
public class ReadModel {

    private static final TypeReference<Map<String, Long>> CONTRIBUTIONS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    RollupPaths rollupPaths;

    /** One aggregate's contribution: value per "period|metric". */
    public static final class Contribution {
        private final Map<String, Long> values = new LinkedHashMap<>();

        public Contribution add(List<String> periods, String metric, long value) {
            if (value != 0) {
                for (String period : periods) {
                    values.merge(period + "|" + metric, value, Long::sum);
                }
            }
            return this;
        }

        public Contribution add(String period, String metric, long value) {
            return add(List.of(period), metric, value);
        }

        Map<String, Long> values() {
            return values;
        }
    }

    /** Replaces the aggregate's contribution (unless {@code version} is older than the stored one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(String kind, String aggregateId, List<UUID> unitPath, Contribution contribution, long version) {
        if (unitPath == null || unitPath.isEmpty()) {
            throw new PoisonEventException(kind + " " + aggregateId + ": the event carries no unit path");
        }
        // the tree as this service knows it now decides; the event's path only until the replica has the unit
        UUID unit = unitPath.get(unitPath.size() - 1);
        List<UUID> path = rollupPaths.of(unit).orElse(unitPath);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select unit_path::text, contributions::text, version from aggregate_fact
                        where kind = ?1 and aggregate_id = ?2 for update""")
                .setParameter(1, kind).setParameter(2, aggregateId).getResultList();
        Map<String, Long> deltas = new HashMap<>();
        if (!rows.isEmpty()) {
            Object[] old = rows.get(0);
            if (((Number) old[2]).longValue() > version) {
                return;
            }
            accumulate(deltas, UnitPaths.fromLtree((String) old[0]), read((String) old[1]), -1);
        }
        accumulate(deltas, path, contribution.values(), 1);
        em.createNativeQuery("""
                        insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at)
                        values (?1, ?2, ?7, cast(?3 as ltree), cast(?4 as jsonb), ?5, ?6)
                        on conflict (kind, aggregate_id) do update set unit_id = excluded.unit_id, unit_path = excluded.unit_path,
                            contributions = excluded.contributions, version = excluded.version, updated_at = excluded.updated_at""")
                .setParameter(1, kind).setParameter(2, aggregateId).setParameter(3, UnitPaths.toLtree(path)).setParameter(7, unit)
                .setParameter(4, write(contribution.values())).setParameter(5, version)
                .setParameter(6, Timestamp.from(Instant.now()))
                .executeUpdate();
        applyDeltas(deltas);
    }

    /**
     * Replaces a whole set of facts of one group (e.g. every unit a plan expects) in two set-based
     * statements: the facts of {@code kind} and {@code groupKey} matching {@code condition} go, the
     * rows of {@code select} (columns aggregate_id, unit_id, unit_path, contributions) come, and
     * the difference is added to the figures along each fact's path. The caller serialises
     * replacements of the same group (see {@link #lockGroup}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceSet(String kind, String groupKey, String condition, String select, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("kind", kind);
        all.put("group", groupKey);
        applyChanged("delete from aggregate_fact where kind = :kind and group_key = :group and (" + condition + ")"
                + " returning unit_path, contributions", -1, all);
        applyChanged("insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at, group_key)"
                + " select :kind, s.aggregate_id, s.unit_id, s.unit_path, s.contributions, 0, now(), :group from (" + select + ") s"
                + " returning unit_path, contributions", 1, all);
    }

    /** Serialises set replacements of one group until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockGroup(String groupKey) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('fact-group:' || ?1))").setParameter(1, groupKey).getSingleResult();
    }

    /** Adds {@code sign} times the contributions a statement returns to every unit on their paths. */
    private void applyChanged(String statementReturningFacts, int sign, Map<String, Object> parameters) {
        var query = em.createNativeQuery("with changed as (" + statementReturningFacts + "),"
                + " deltas as (select cast(subpath(c.unit_path, i, 1)::text as uuid) as unit_id, split_part(kv.key, '|', 1) as period,"
                + "     split_part(kv.key, '|', 2) as metric, " + sign + " * sum(cast(kv.value as bigint)) as value"
                + "   from changed c cross join lateral generate_series(0, nlevel(c.unit_path) - 1) i"
                + "   cross join lateral jsonb_each_text(c.contributions) kv group by 1, 2, 3)"
                + " insert into unit_figure (unit_id, period, metric, value)"
                + " select unit_id, period, metric, value from deltas where value <> 0 order by unit_id, period, metric"
                + " on conflict (unit_id, period, metric) do update set value = unit_figure.value + excluded.value");
        parameters.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(statementReturningFacts).find()) {
                query.setParameter(name, value);
            }
        });
        query.executeUpdate();
    }

    /**
     * A unit moved, merged or became known: its aggregates' figures follow it to its roll-up path,
     * and so do those of the units merged into it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onTreeChange(@jakarta.enterprise.event.Observes vn.campaign.foundation.orgtree.OrgUnitReplica.Changed change) {
        relocate(change.unitId());
        for (UUID predecessor : rollupPaths.predecessorsOf(change.unitId())) {
            relocate(predecessor);
        }
    }

    private void relocate(UUID unit) {
        List<UUID> target = rollupPaths.of(unit).orElse(null);
        if (target == null) {
            return;
        }
        String targetPath = UnitPaths.toLtree(target);
        @SuppressWarnings("unchecked")
        List<Object[]> facts = em.createNativeQuery("""
                        select kind, aggregate_id, unit_path::text, contributions::text from aggregate_fact
                        where unit_id = ?1 and unit_path <> cast(?2 as ltree) for update""")
                .setParameter(1, unit).setParameter(2, targetPath).getResultList();
        if (facts.isEmpty()) {
            return;
        }
        Map<String, Long> deltas = new HashMap<>();
        for (Object[] fact : facts) {
            Map<String, Long> values = read((String) fact[3]);
            accumulate(deltas, UnitPaths.fromLtree((String) fact[2]), values, -1);
            accumulate(deltas, target, values, 1);
        }
        em.createNativeQuery("update aggregate_fact set unit_path = cast(?1 as ltree), updated_at = now() where unit_id = ?2")
                .setParameter(1, targetPath).setParameter(2, unit).executeUpdate();
        applyDeltas(deltas);
    }

    private static void accumulate(Map<String, Long> deltas, List<UUID> path, Map<String, Long> values, int sign) {
        for (UUID unit : path) {
            values.forEach((periodMetric, value) -> deltas.merge(unit + "|" + periodMetric, sign * value, Long::sum));
        }
    }

    private void applyDeltas(Map<String, Long> deltas) {
        List<Map<String, Object>> rows = new ArrayList<>();
        deltas.forEach((key, value) -> {
            if (value != 0) {
                String[] parts = key.split("\\|", 3);
                rows.add(Map.of("u", parts[0], "p", parts[1], "m", parts[2], "v", value));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into unit_figure (unit_id, period, metric, value)
                        select cast(e->>'u' as uuid), e->>'p', e->>'m', cast(e->>'v' as bigint)
                        from jsonb_array_elements(cast(?1 as jsonb)) e order by 1, 2, 3
                        on conflict (unit_id, period, metric) do update set value = unit_figure.value + excluded.value""")
                .setParameter(1, write(rows)).executeUpdate();
    }

    private Map<String, Long> read(String text) {
        try {
            return json.readValue(text, CONTRIBUTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored contribution", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
