package vn.campaign.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.campaign.foundation.persistence.NativeSql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads of the rolled-up figures: a few indexed rows per unit, however large its subtree. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FigureQueries {

    @Inject
    EntityManager em;

    /** A unit with its figures for a period (roster figures are the current ones). */
    @Schema(name = "UnitFigures")
    public record UnitFigures(UUID unitId, String code, String name, String kind, String period, Map<String, Long> figures) {
    }

    /** The unit with its figures, or empty when the replica does not know it. */
    public java.util.Optional<UnitFigures> unitFigures(UUID unit, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, name, kind from org_unit_replica where id = ?1")
                .setParameter(1, unit).getResultList();
        return rows.stream().findFirst().map(r -> new UnitFigures(unit, (String) r[0], (String) r[1], (String) r[2], period,
                figures(unit, period)));
    }

    public Map<String, Long> figures(UUID unit, String period) {
        return figures(List.of(unit), period).getOrDefault(unit, new TreeMap<>());
    }

    /** The unit's figures for each period (roster figures are not periodic and left out), in the order asked. */
    public Map<String, Map<String, Long>> series(UUID unit, List<String> periods) {
        Map<String, Map<String, Long>> series = new java.util.LinkedHashMap<>();
        periods.forEach(period -> series.put(period, new TreeMap<>()));
        List<Object[]> rows = new NativeSql(em, "select period, metric, value from unit_figure where unit_id = :unit"
                + " and period in (:periods) and value <> 0").bind("unit", unit).bind("periods", periods).rows(Integer.MAX_VALUE);
        for (Object[] r : rows) {
            series.get((String) r[0]).put((String) r[1], ((Number) r[2]).longValue());
        }
        return series;
    }

    /** The children of {@code parent} by name, with their figures; cursor (name, id). */
    public List<UnitFigures> children(UUID parent, String period, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select o.id, o.code, o.name, o.kind from org_unit_replica o where o.parent_id = :parent")
                .bind("parent", parent);
        if (after != null) {
            sql.and("(o.name, o.id) > (:afterName, cast(:afterId as uuid))").bind("afterName", after.get(0)).bind("afterId", after.get(1));
        }
        List<Object[]> rows = sql.append(" order by o.name, o.id").rows(limit + 1);
        Map<UUID, Map<String, Long>> figures = figures(rows.stream().map(r -> (UUID) r[0]).toList(), period);
        List<UnitFigures> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new UnitFigures((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], period,
                    figures.getOrDefault((UUID) r[0], new TreeMap<>())));
        }
        return result;
    }

    /** Every child of {@code parent} with its figures, or empty when there are more than {@code max}. */
    public java.util.Optional<List<UnitFigures>> allChildren(UUID parent, String period, int max) {
        List<UnitFigures> all = new ArrayList<>();
        List<String> after = null;
        int pageSize = 500;
        while (true) {
            List<UnitFigures> page = children(parent, period, after, pageSize);
            all.addAll(page.subList(0, Math.min(page.size(), pageSize)));
            if (all.size() > max) {
                return java.util.Optional.empty();
            }
            if (page.size() <= pageSize) {
                return java.util.Optional.of(all);
            }
            UnitFigures last = page.get(pageSize - 1);
            after = List.of(last.name(), last.unitId().toString());
        }
    }

    private Map<UUID, Map<String, Long>> figures(List<UUID> units, String period) {
        Map<UUID, Map<String, Long>> byUnit = new HashMap<>();
        if (units.isEmpty()) {
            return byUnit;
        }
        List<Object[]> rows = new NativeSql(em, "select unit_id, metric, value from unit_figure where unit_id in (:units)"
                + " and period in (:period, 'current') and value <> 0")
                .bind("units", units).bind("period", period).rows(Integer.MAX_VALUE);
        for (Object[] r : rows) {
            byUnit.computeIfAbsent((UUID) r[0], u -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return byUnit;
    }
}
