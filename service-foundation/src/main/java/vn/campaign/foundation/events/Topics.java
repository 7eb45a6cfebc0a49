package vn.campaign.foundation.events;

/** Kafka topic names shared between producers and consumers. */
public final class Topics {

    /** The organisation tree: compacted, keyed by unit id, one full unit snapshot per record. */
    public static final String ORG_UNITS = "campaign.org-units.v1";

    /** Plans and their cascade: keyed by plan id, so one plan's events stay in order. */
    public static final String PLANS = "campaign.plans.v1";

    /** Members and personal commitments: keyed by member id (roster) or commitment id. */
    public static final String COMMITMENTS = "campaign.commitments.v1";

    private Topics() {
    }
}
