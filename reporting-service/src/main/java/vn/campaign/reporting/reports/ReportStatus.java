package vn.campaign.reporting.reports;

/**
 * A periodic report's state. The unit's officers write a DRAFT and submit it; the superior unit's
 * officers accept it (it is then locked) or return it with a reason (it can be edited and
 * submitted again). {@code NOT_STARTED} only appears in lists: an expected report nobody has begun.
 */
public enum ReportStatus {
    NOT_STARTED, DRAFT, SUBMITTED, ACCEPTED, RETURNED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
