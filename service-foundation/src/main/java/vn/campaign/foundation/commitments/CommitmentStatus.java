package vn.campaign.foundation.commitments;

/**
 * Where a personal commitment is in its lifecycle, as the events report it. Which transition
 * is allowed from which status is commitment-service's rule ({@code CommitmentWorkflow}); the
 * values are part of the event contract.
 */
public enum CommitmentStatus {
    /** Written, not yet sent to the cell. */
    DRAFT,
    /** Sent to the party cell committee or head of unit. */
    SUBMITTED,
    /** Accepted by the cell; progress check-ins follow. */
    APPROVED,
    /** Sent back with a comment; the member corrects and submits again. */
    RETURNED,
    /** The member's year-end self-assessment is in. */
    SELF_ASSESSED,
    /** The cell recorded the score and rating; final. */
    EVALUATED
}
