package vn.campaign.foundation.events;

/** Kafka topic names shared between producers and consumers. */
public final class Topics {

    /** The organisation tree: compacted, keyed by unit id, one full unit snapshot per record. */
    public static final String ORG_UNITS = "campaign.org-units.v1";

    private Topics() {
    }
}
