package vn.campaign.recognition.nomination;

import java.util.EnumSet;
import java.util.Set;

/**
 * The nomination lifecycle: DRAFT → SUBMITTED → UNDER_REVIEW → (FORWARDED → UNDER_REVIEW at the
 * parent unit, as often as the form needs) → APPROVED, REJECTED or RETURNED; a returned
 * nomination is edited and SUBMITTED again. This is the one place that says which transition is
 * allowed.
 */
public enum NominationStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    FORWARDED,
    APPROVED,
    REJECTED,
    RETURNED;

    public Set<NominationStatus> next() {
        return switch (this) {
            case DRAFT, RETURNED -> EnumSet.of(SUBMITTED);
            case SUBMITTED, FORWARDED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(FORWARDED, APPROVED, REJECTED, RETURNED);
            case APPROVED, REJECTED -> EnumSet.noneOf(NominationStatus.class);
        };
    }

    public boolean canBecome(NominationStatus target) {
        return next().contains(target);
    }

    /** Open nominations count against "one open nomination per nominee, form and year". */
    public boolean isOpen() {
        return this != APPROVED && this != REJECTED;
    }

    /** The proposing unit may still edit it. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
