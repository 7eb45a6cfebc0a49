package vn.campaign.recognition.model;

/** A model's lifecycle: PROPOSED → RECOGNISED; the one place that says which transition is allowed. */
public enum ModelStatus {
    PROPOSED,
    RECOGNISED;

    public boolean canBecome(ModelStatus target) {
        return this == PROPOSED && target == RECOGNISED;
    }
}
