package vn.campaign.plan.orgtree;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.persistence.NativeSql;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.time.CampaignDates;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads of the tree, each a single indexed query with keyset pagination: rows come in a stable
 * order and a page after the cursor costs the same however deep it is.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrgUnitQueries {

    @Inject
    EntityManager em;

    /** Filters common to the list reads. */
    public record Filter(OrgUnitKind kind, boolean includeClosed) {
    }

    /** Children by name; cursor (name, id). Returns up to limit + 1 rows. */
    public List<OrgUnit> children(UUID parentId, Filter filter, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select o.* from org_unit o where o.parent_id = :parent").bind("parent", parentId);
        filter(sql, filter);
        if (after != null) {
            sql.and("(o.name, o.id) > (:afterName, cast(:afterId as uuid))").bind("afterName", after.get(0)).bind("afterId", after.get(1));
        }
        return sql.append(" order by o.name, o.id").list(OrgUnit.class, limit + 1);
    }

    /** Everything below the unit, level by level, by name; cursor (depth, name, id). */
    public List<OrgUnit> subtree(OrgUnit root, Filter filter, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select o.* from org_unit o where o.path <@ cast(:path as ltree) and o.id <> :root")
                .bind("path", root.path).bind("root", root.id);
        filter(sql, filter);
        if (after != null) {
            sql.and("(nlevel(o.path), o.name, o.id) > (cast(:afterDepth as int), :afterName, cast(:afterId as uuid))")
                    .bind("afterDepth", after.get(0)).bind("afterName", after.get(1)).bind("afterId", after.get(2));
        }
        return sql.append(" order by nlevel(o.path), o.name, o.id").list(OrgUnit.class, limit + 1);
    }

    /** The unit's ancestors from the root down to its parent. */
    public List<OrgUnit> ancestors(OrgUnit unit) {
        List<UUID> ids = new ArrayList<>(unit.pathIds());
        ids.remove(ids.size() - 1);
        if (ids.isEmpty()) {
            return List.of();
        }
        return new NativeSql(em, "select o.* from org_unit o where o.id in (:ids) order by nlevel(o.path)").bind("ids", ids).list(OrgUnit.class, ids.size());
    }

    /**
     * Units whose name contains every word of the text, ignoring case and Vietnamese accents
     * ("tien giang" finds "Tiền Giang"), or whose code is the text; within {@code underPath} when given.
     */
    public List<OrgUnit> search(String text, String underPath, Filter filter, List<String> after, int limit) {
        NativeSql sql = new NativeSql(em, "select o.* from org_unit o where true");
        if (text != null && !text.isBlank()) {
            // every word must appear in the name (so punctuation between them does not matter), or the text is the code
            String[] words = text.trim().split("[\\s,.;:]+");
            StringBuilder byName = new StringBuilder("(true");
            for (int i = 0; i < words.length && i < 10; i++) {
                byName.append(" and o.search_name like '%' || campaign_fold(:w").append(i).append(") || '%' escape '\\'");
                sql.bind("w" + i, escapeLike(words[i]));
            }
            sql.and("(" + byName + ") or upper(o.code) = upper(:code))").bind("code", text.trim());
        }
        if (underPath != null) {
            sql.and("o.path <@ cast(:under as ltree)").bind("under", underPath);
        }
        filter(sql, filter);
        if (after != null) {
            sql.and("(o.name, o.id) > (:afterName, cast(:afterId as uuid))").bind("afterName", after.get(0)).bind("afterId", after.get(1));
        }
        return sql.append(" order by o.name, o.id").list(OrgUnit.class, limit + 1);
    }

    public static String depthOf(OrgUnit unit) {
        return String.valueOf(UnitPaths.fromLtree(unit.path).size());
    }

    private static void filter(NativeSql sql, Filter filter) {
        if (filter.kind() != null) {
            sql.and("o.kind = :kind").bind("kind", filter.kind().name());
        }
        if (!filter.includeClosed()) {
            sql.and("(o.valid_to is null or o.valid_to > :today)").bind("today", CampaignDates.today());
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
