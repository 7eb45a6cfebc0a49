package vn.campaign.plan.plan;

import java.util.EnumSet;
import java.util.Set;

/**
 * The plan lifecycle: DRAFT → PUBLISHED → (AMENDED, any number of times) → WITHDRAWN or
 * ARCHIVED. This is the one place that says which transition is allowed.
 */
public enum PlanStatus {
    DRAFT,
    PUBLISHED,
    AMENDED,
    WITHDRAWN,
    ARCHIVED;

    public Set<PlanStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PUBLISHED);
            case PUBLISHED, AMENDED -> EnumSet.of(AMENDED, WITHDRAWN, ARCHIVED);
            case WITHDRAWN -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(PlanStatus.class);
        };
    }

    public boolean canBecome(PlanStatus target) {
        return next().contains(target);
    }

    /** Published and not withdrawn or archived: recipients act on it. */
    public boolean isInForce() {
        return this == PUBLISHED || this == AMENDED;
    }

    /** Visible to recipients (everything but a draft). */
    public boolean isIssued() {
        return this != DRAFT;
    }
}
