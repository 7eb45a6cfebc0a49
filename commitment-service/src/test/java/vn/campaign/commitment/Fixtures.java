package vn.campaign.commitment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.localinfra.OrgUnitEvents;
import vn.campaign.localinfra.PlanEvents;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * Feeds the service the org tree and plans the way plan-service would, through the real broker,
 * and waits until its replicas hold them.
 */
@ApplicationScoped
public class Fixtures {

    @Inject
    EntityManager em;

    /** A province with one commune and two party cells under it, plus an unrelated province with a cell. */
    public record Tree(List<UUID> province, List<UUID> commune, List<UUID> cell, List<UUID> otherCell, List<UUID> farCell) {

        public UUID provinceId() {
            return last(province);
        }

        public UUID communeId() {
            return last(commune);
        }

        public UUID cellId() {
            return last(cell);
        }

        public UUID otherCellId() {
            return last(otherCell);
        }

        public UUID farCellId() {
            return last(farCell);
        }

        private static UUID last(List<UUID> path) {
            return path.get(path.size() - 1);
        }
    }

    public Tree tree() {
        UUID province = UUID.randomUUID();
        UUID commune = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        UUID otherCell = UUID.randomUUID();
        UUID farProvince = UUID.randomUUID();
        UUID farCell = UUID.randomUUID();
        String tag = province.toString().substring(0, 8).toUpperCase();
        Tree tree = new Tree(List.of(province), List.of(province, commune), List.of(province, commune, cell),
                List.of(province, commune, otherCell), List.of(farProvince, farCell));
        OrgUnitEvents.send(province, "T-" + tag, "Đảng bộ tỉnh " + tag, "PARTY_COMMITTEE", tree.province(), 0);
        OrgUnitEvents.send(commune, "X-" + tag, "Đảng bộ xã Mỹ Phú", "PARTY_COMMITTEE", tree.commune(), 0);
        OrgUnitEvents.send(cell, "CB1-" + tag, "Chi bộ ấp Mỹ Phú 1", "PARTY_CELL", tree.cell(), 0);
        OrgUnitEvents.send(otherCell, "CB2-" + tag, "Chi bộ ấp Mỹ Phú 2", "PARTY_CELL", tree.otherCell(), 0);
        OrgUnitEvents.send(farProvince, "F-" + tag, "Đảng bộ tỉnh khác", "PARTY_COMMITTEE", List.of(farProvince), 0);
        OrgUnitEvents.send(farCell, "FC-" + tag, "Chi bộ tỉnh khác", "PARTY_CELL", tree.farCell(), 0);
        List<UUID> all = List.of(province, commune, cell, otherCell, farProvince, farCell);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from org_unit_replica where id in (:ids)", all) == all.size());
        return tree;
    }

    public static int year() {
        return CampaignDates.today().getYear();
    }

    /** A plan of the province for this year, addressed to its subtree, window open since 30 days, due in 7. */
    public UUID plan(Tree tree) {
        return plan(tree, p -> p);
    }

    public UUID plan(Tree tree, UnaryOperator<PlanEvents.Plan> customise) {
        UUID planId = UUID.randomUUID();
        LocalDate today = CampaignDates.today();
        PlanEvents.Plan plan = PlanEvents.plan(planId, year(), tree.province()).recipientSubtree(tree.province())
                .window(today.minusDays(30), today.plusDays(7)).actions(1, 2);
        customise.apply(plan).publish();
        awaitPlan(planId, "PUBLISHED");
        return planId;
    }

    public void awaitPlan(UUID planId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from plan_replica where plan_id in (:ids) and status = '" + status + "'", List.of(planId)) == 1);
    }

    /** The code plan-service gave the unit, as the replica holds it. */
    public String unitCode(UUID unit) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select code from org_unit_replica where id = ?1")
                .setParameter(1, unit).getSingleResult());
    }

    public long count(String sql, List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("ids", new ArrayList<>(ids)).getSingleResult()).longValue());
    }

    public long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
