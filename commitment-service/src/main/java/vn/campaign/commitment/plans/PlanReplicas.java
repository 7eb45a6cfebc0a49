package vn.campaign.commitment.plans;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.ReadOnlyMode;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.events.PoisonEventException;
import vn.campaign.foundation.plans.CommitmentWindow;
import vn.campaign.foundation.plans.PlanEvent;
import vn.campaign.foundation.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link PlanReplica} from plan-service's plan events. Only the plan's state events
 * matter here (published, amended, withdrawn, archived); acknowledgements and activities are
 * other services' business and are skipped.
 */
@ApplicationScoped
public class PlanReplicas {

    private static final Set<String> STATE_EVENTS = Set.of(PlanEvent.PUBLISHED, PlanEvent.AMENDED, PlanEvent.WITHDRAWN, PlanEvent.ARCHIVED);
    private static final Set<String> FINAL_STATUSES = Set.of("WITHDRAWN", "ARCHIVED");

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    private ObjectReader states;

    @PostConstruct
    void init() {
        // a field plan-service adds later must not turn its events into poison here
        states = json.readerFor(PlanEvent.PlanState.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (!STATE_EVENTS.contains(event.type())) {
            return;
        }
        PlanEvent.PlanState plan;
        try {
            plan = states.readValue(event.payload());
        } catch (Exception e) {
            throw new PoisonEventException("not a plan state: " + e.getMessage(), e);
        }
        if (plan.planId() == null || plan.issuingUnitId() == null || plan.year() < 2000 || plan.year() > 2200) {
            throw new PoisonEventException("plan event " + event.id() + " lacks a plan id, an issuing unit or a plausible year");
        }
        String status = plan.status() != null ? plan.status() : statusOf(event.type());
        PlanReplica replica = em.find(PlanReplica.class, plan.planId(), LockModeType.PESSIMISTIC_WRITE);
        if (replica == null) {
            replica = new PlanReplica();
            replica.planId = plan.planId();
        } else if (plan.revision() < replica.revision
                || (plan.revision() == replica.revision && FINAL_STATUSES.contains(replica.status) && !FINAL_STATUSES.contains(status))) {
            return; // older than what we hold: a replay cannot bring a withdrawn plan back
        }
        replica.number = plan.number();
        replica.title = plan.title();
        replica.status = status;
        replica.revision = plan.revision();
        replica.issuingUnitId = plan.issuingUnitId();
        replica.year = plan.year();
        replica.topicId = plan.topicId();
        replica.recipientIds = recipients(plan);
        CommitmentWindow window = plan.commitmentWindow();
        replica.hasWindow = window != null;
        replica.opensOn = window == null ? null : window.opensOn();
        replica.dueOn = window == null ? null : window.dueOn();
        replica.templates = window == null || window.templates() == null ? null : window.templates().stream().map(Enum::name).toList();
        replica.minActions = window == null ? null : window.minActions();
        replica.maxActions = window == null ? null : window.maxActions();
        replica.exemptCategories = window == null || window.exemptCategories() == null ? null
                : window.exemptCategories().stream().map(Enum::name).toList();
        replica.updatedAt = Instant.now();
        if (replica.minActions() < 0 || replica.maxActions() < Math.max(1, replica.minActions())) {
            throw new PoisonEventException("plan " + plan.planId() + " asks for between " + replica.minActions() + " and "
                    + replica.maxActions() + " concrete actions");
        }
        replica.persist();
    }

    /**
     * The plan, read-only: requests only read the replica (only {@link #apply} writes it, in the
     * consumer's own transaction), so Hibernate keeps no snapshot of its lists to compare at the flush.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanReplica get(UUID planId) {
        PlanReplica plan = em.find(PlanReplica.class, planId, ReadOnlyMode.READ_ONLY);
        if (plan == null) {
            throw ProblemException.notFound("plan " + planId + " is not known here (not published, or not yet received from plan-service)");
        }
        return plan;
    }

    /**
     * Whether the plan is addressed to the unit: the unit is a recipient or lies below one. The
     * recipients' own flags (whole subtree, unit kinds) say which units must acknowledge and
     * implement the plan; every member under a recipient registers a commitment.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean addresses(PlanReplica plan, UUID unitId) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from org_unit_replica u join org_unit_replica r on u.path <@ r.path
                        where u.id = :unit and r.id in (:recipients)""")
                .setParameter("unit", unitId).setParameter("recipients", plan.recipientIds)
                .getSingleResult()).longValue() > 0;
    }

    /** The recipient units; a plan that names none is addressed to its issuing unit's subtree. */
    private static List<UUID> recipients(PlanEvent.PlanState plan) {
        List<UUID> ids = new ArrayList<>();
        if (plan.recipients() != null) {
            plan.recipients().stream().filter(r -> r != null && r.unitId() != null).forEach(r -> ids.add(r.unitId()));
        }
        if (ids.isEmpty()) {
            ids.add(plan.issuingUnitId());
        }
        return ids;
    }

    private static String statusOf(String type) {
        return switch (type) {
            case PlanEvent.WITHDRAWN -> "WITHDRAWN";
            case PlanEvent.ARCHIVED -> "ARCHIVED";
            default -> "PUBLISHED";
        };
    }
}
