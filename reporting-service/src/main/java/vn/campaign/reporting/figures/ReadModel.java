package vn.campaign.reporting.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.security.UnitPaths;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Replaces the aggregate's contribution (unless {@code version} is older than the stored one).
     * A state without a unit path is poison; nothing is written for it, so the transaction may go on.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public void replace(String kind, String aggregateId, List<UUID> unitPath, Contribution contribution, long version) {
        if (unitPath == null || unitPath.isEmpty()) {
            throw new PoisonEventException(kind + " " + aggregateId + ": the event carries no unit path");
        }
        Batch open = batch.get();
        if (open != null) {
            open.add(new Pending(kind, aggregateId, unitPath, contribution.values(), version));
            return;
        }
        Batch one = new Batch(true);
        one.add(new Pending(kind, aggregateId, unitPath, contribution.values(), version));
        flush(one);
    }

    /**
     * Runs {@code work} with the replacements it makes collected and written together at the end:
     * a few set-based statements for the whole batch instead of a few per event. With
     * {@code figures} false only the facts are written and {@code unit_figure} is left alone (a
     * rebuild recomputes it from the facts once at the end, see {@link #recomputeFigures}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void batched(boolean figures, Runnable work) {
        Batch open = new Batch(figures);
        batch.set(open);
        try {
            work.run();
            flush(open);
        } finally {
            batch.remove();
        }
    }

    /**
     * Recomputes every unit's figures from the facts in one statement, replacing {@code unit_figure}:
     * first summed per unit path (many aggregates share a cell's path), then up the levels of each
     * path.
     * Live consumers that change facts meanwhile wait for the table and add their differences
     * after it, so nothing is lost or counted twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeFigures() {
        em.createNativeQuery("set local work_mem = '256MB'").executeUpdate();
        em.createNativeQuery("lock table aggregate_fact, unit_figure in share row exclusive mode").executeUpdate();
        em.createNativeQuery("delete from unit_figure").executeUpdate();
        em.createNativeQuery("""
                insert into unit_figure (unit_id, period, metric, value)
                with by_path as (
                    select f.unit_path, kv.key, sum(cast(kv.value as bigint)) as value
                    from aggregate_fact f cross join lateral jsonb_each_text(f.contributions) kv
                    group by 1, 2)
                select cast(subpath(b.unit_path, i, 1)::text as uuid), split_part(b.key, '|', 1), split_part(b.key, '|', 2), sum(b.value)
                from by_path b cross join lateral generate_series(0, nlevel(b.unit_path) - 1) i
                group by 1, 2, 3 having sum(b.value) <> 0""").executeUpdate();
    }

    /** One aggregate's new state, waiting in a batch. */
    private record Pending(String kind, String aggregateId, List<UUID> eventPath, Map<String, Long> values, long version) {
        String key() {
            return kind + "\u0000" + aggregateId;
        }

        UUID unit() {
            return eventPath.get(eventPath.size() - 1);
        }

        /** The roll-up path of the replica, or the event's own while the replica does not know the unit. */
        List<UUID> rollupPath(Map<UUID, List<UUID>> paths) {
            return paths.getOrDefault(unit(), eventPath);
        }
    }

    /** Replacements collected by {@link #batched}; the newest state of each aggregate wins. */
    private static final class Batch {
        final boolean figures;
        final Map<String, Pending> pending = new LinkedHashMap<>();

        Batch(boolean figures) {
            this.figures = figures;
        }

        void add(Pending p) {
            pending.merge(p.key(), p, (old, now) -> now.version() >= old.version() ? now : old);
        }
    }

    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    /**
     * Writes a batch: the roll-up path of each aggregate's unit as the replica knows it (the
     * event's path until the replica has the unit), the stored facts locked (a placeholder is
     * inserted first for new ones, so two writers of the same new fact queue up instead of both
     * counting it), then the new facts and the differences along the old and new paths.
     */
    private void flush(Batch b) {
        if (b.pending.isEmpty()) {
            return;
        }
        List<Pending> all = new ArrayList<>(b.pending.values());
        b.pending.clear();
        all.sort(java.util.Comparator.comparing(Pending::kind).thenComparing(Pending::aggregateId));
        lockTree(false);
        Map<UUID, List<UUID>> paths = rollupPaths.ofAll(all.stream().map(Pending::unit).toList());
        if (!b.figures) {
            // a rebuild writes the facts only (the figures are recomputed from them at its end), so
            // there are no differences to take: one upsert, in which the newer state of a fact wins
            upsertFacts(all, paths);
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(all.size());
        for (Pending p : all) {
            Map<String, Object> row = new HashMap<>();
            row.put("k", p.kind());
            row.put("a", p.aggregateId());
            row.put("u", p.unit().toString());
            row.put("p", UnitPaths.toLtree(p.rollupPath(paths)));
            row.put("c", p.values());
            row.put("v", p.version());
            rows.add(row);
        }
        String json = write(rows);
        em.createNativeQuery("""
                        insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at)
                        select e->>'k', e->>'a', cast(e->>'u' as uuid), cast(e->>'p' as ltree), '{}', -1, now()
                        from jsonb_array_elements(cast(?1 as jsonb)) e
                        on conflict (kind, aggregate_id) do nothing""")
                .setParameter(1, json).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("""
                        select f.kind, f.aggregate_id, f.unit_path::text, f.contributions::text, f.version
                        from aggregate_fact f join jsonb_array_elements(cast(?1 as jsonb)) e
                          on f.kind = e->>'k' and f.aggregate_id = e->>'a'
                        order by f.kind, f.aggregate_id for update of f""")
                .setParameter(1, json).getResultList();
        Map<String, Object[]> byKey = new HashMap<>();
        for (Object[] row : stored) {
            byKey.put(row[0] + "\u0000" + row[1], row);
        }
        Map<String, Long> deltas = new HashMap<>();
        List<Map<String, Object>> changed = new ArrayList<>(rows.size());
        for (int i = 0; i < all.size(); i++) {
            Pending p = all.get(i);
            Object[] old = byKey.get(p.key());
            if (old != null && ((Number) old[4]).longValue() > p.version()) {
                continue; // an older state than the one stored
            }
            Map<String, Object> row = rows.get(i);
            if (old != null) {
                accumulate(deltas, UnitPaths.fromLtree((String) old[2]), read((String) old[3]), -1);
            }
            accumulate(deltas, UnitPaths.fromLtree((String) row.get("p")), p.values(), 1);
            changed.add(row);
        }
        if (!changed.isEmpty()) {
            em.createNativeQuery("""
                            update aggregate_fact f set unit_id = cast(e->>'u' as uuid), unit_path = cast(e->>'p' as ltree),
                                contributions = e->'c', version = cast(e->>'v' as bigint), updated_at = now()
                            from jsonb_array_elements(cast(?1 as jsonb)) e
                            where f.kind = e->>'k' and f.aggregate_id = e->>'a'""")
                    .setParameter(1, write(changed)).executeUpdate();
        }
        applyDeltas(deltas);
    }

    /**
     * The rebuild's upsert of a batch of facts, its columns bound as arrays: neither this service
     * nor the database writes or parses a JSON document of the whole batch.
     */
    private void upsertFacts(List<Pending> all, Map<UUID, List<UUID>> paths) {
        int n = all.size();
        String[] kinds = new String[n];
        String[] aggregates = new String[n];
        UUID[] units = new UUID[n];
        String[] unitPaths = new String[n];
        String[] contributions = new String[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            Pending p = all.get(i);
            kinds[i] = p.kind();
            aggregates[i] = p.aggregateId();
            units[i] = p.unit();
            unitPaths[i] = UnitPaths.toLtree(p.rollupPath(paths));
            contributions[i] = contributionJson(p.values());
            versions[i] = p.version();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at)
                    select k, a, u, cast(p as ltree), cast(c as jsonb), v, now()
                    from unnest(?, ?, ?, ?, ?, ?) as t(k, a, u, p, c, v)
                    on conflict (kind, aggregate_id) do update set unit_id = excluded.unit_id, unit_path = excluded.unit_path,
                        contributions = excluded.contributions, version = excluded.version, updated_at = now()
                    where aggregate_fact.version <= excluded.version""")) {
                upsert.setArray(1, connection.createArrayOf("text", kinds));
                upsert.setArray(2, connection.createArrayOf("text", aggregates));
                upsert.setArray(3, connection.createArrayOf("uuid", units));
                upsert.setArray(4, connection.createArrayOf("text", unitPaths));
                upsert.setArray(5, connection.createArrayOf("text", contributions));
                upsert.setArray(6, connection.createArrayOf("bigint", versions));
                upsert.executeUpdate();
            }
        });
    }

    /** A contribution as a JSON object of "period|metric" to value. */
    static String contributionJson(Map<String, Long> values) {
        StringBuilder out = new StringBuilder(24 * values.size() + 2).append('{');
        values.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(key)).append("\":").append(value.longValue());
        });
        return out.append('}').toString();
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
        Batch open = batch.get();
        if (open != null) {
            flush(open); // what the batch holds happened before
        }
        lockTree(false);
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("kind", kind);
        all.put("group", groupKey);
        String delete = "delete from aggregate_fact where kind = :kind and group_key = :group and (" + condition + ")";
        String insert = "insert into aggregate_fact (kind, aggregate_id, unit_id, unit_path, contributions, version, updated_at, group_key)"
                + " select :kind, s.aggregate_id, s.unit_id, s.unit_path, s.contributions, 0, now(), :group from (" + select + ") s";
        if (open != null && !open.figures) {
            // a rebuild: the figures are recomputed from the facts at its end
            bind(em.createNativeQuery(delete), delete, all).executeUpdate();
            bind(em.createNativeQuery(insert), insert, all).executeUpdate();
            return;
        }
        applyChanged(delete + " returning unit_path, contributions", -1, all);
        applyChanged(insert + " returning unit_path, contributions", 1, all);
    }

    /**
     * Until the transaction ends: shared, by a writer of facts that takes their paths from the
     * replica; exclusive, by a change of the tree that moves facts to new paths. Without it, facts
     * written with a path read just before a move commits, but committed after the move read the
     * facts to relocate, would stay on the old path.
     */
    private void lockTree(boolean exclusive) {
        em.createNativeQuery(exclusive ? "select pg_advisory_xact_lock(hashtext('fact-tree'))"
                : "select pg_advisory_xact_lock_shared(hashtext('fact-tree'))").getSingleResult();
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
        bind(query, statementReturningFacts, parameters).executeUpdate();
    }

    /** Sets the parameters that {@code sql} names (a native query rejects unknown ones). */
    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, String sql, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    /**
     * Units moved, merged or became known: their aggregates' figures follow them to their roll-up
     * paths, and so do those of the units merged into them (through any number of merges). The
     * units of a poll of snapshots move together: one read of their paths, one of the facts that
     * are off them, one update, one set of differences.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onTreeChange(@jakarta.enterprise.event.Observes vn.campaign.foundation.orgtree.OrgUnitReplica.Changed change) {
        lockTree(true);
        Set<UUID> units = new LinkedHashSet<>(change.unitIds());
        units.addAll(rollupPaths.predecessorsOfAll(change.unitIds()));
        relocate(rollupPaths.ofAll(units));
    }

    private void relocate(Map<UUID, List<UUID>> targets) {
        if (targets.isEmpty()) {
            return;
        }
        List<Map<String, Object>> moves = new ArrayList<>(targets.size());
        targets.forEach((unit, path) -> moves.add(Map.of("u", unit.toString(), "p", UnitPaths.toLtree(path))));
        String json = write(moves);
        @SuppressWarnings("unchecked")
        List<Object[]> facts = em.createNativeQuery("""
                        select f.unit_id, f.unit_path::text, f.contributions::text
                        from aggregate_fact f join jsonb_array_elements(cast(?1 as jsonb)) e on f.unit_id = cast(e->>'u' as uuid)
                        where f.unit_path <> cast(e->>'p' as ltree)
                        order by f.kind, f.aggregate_id for update of f""")
                .setParameter(1, json).getResultList();
        if (facts.isEmpty()) {
            return;
        }
        Map<String, Long> deltas = new HashMap<>();
        for (Object[] fact : facts) {
            Map<String, Long> values = read((String) fact[2]);
            accumulate(deltas, UnitPaths.fromLtree((String) fact[1]), values, -1);
            accumulate(deltas, targets.get((UUID) fact[0]), values, 1);
        }
        em.createNativeQuery("""
                        update aggregate_fact f set unit_path = cast(e->>'p' as ltree), updated_at = now()
                        from jsonb_array_elements(cast(?1 as jsonb)) e
                        where f.unit_id = cast(e->>'u' as uuid) and f.unit_path <> cast(e->>'p' as ltree)""")
                .setParameter(1, json).executeUpdate();
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
