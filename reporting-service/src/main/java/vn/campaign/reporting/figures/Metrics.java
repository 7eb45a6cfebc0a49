package vn.campaign.reporting.figures;

/** The figures kept per unit and period. Leaders' figures repeat the commitment ones with the prefix {@code leaders.}. */
public final class Metrics {

    public static final String PLANS_RECEIVED = "plans.received";
    public static final String PLANS_ACKNOWLEDGED = "plans.acknowledged";
    public static final String PLANS_IMPLEMENTED = "plans.implementingPlanIssued";
    public static final String ACTIVITIES = "activities.";
    public static final String ATTENDANCE_EXPECTED = "attendance.expected";
    public static final String ATTENDANCE_ATTENDED = "attendance.attended";
    public static final String MEMBERS = "members.total";
    public static final String MEMBERS_EXPECTED = "members.expected";
    public static final String LEADERS_EXPECTED = "leaders.expected";
    public static final String COMMITMENTS = "commitments.total";
    public static final String SUBMITTED = "commitments.submitted";
    public static final String ON_TIME = "commitments.onTime";
    public static final String LATE = "commitments.late";
    public static final String APPROVED = "commitments.approved";
    public static final String RETURNED = "commitments.returned";
    public static final String EVALUATED = "commitments.evaluated";
    public static final String RATED = "commitments.rating.";
    public static final String CHECK_INS = "checkIns.recorded";
    public static final String LEADERS = "leaders.";
    public static final String NOMINATIONS = "nominations";
    public static final String AWARDS = "awards";
    public static final String AWARDED_RECIPIENTS = "awards.recipients";
    public static final String MODELS_RECOGNISED = "models.recognised";
    public static final String MODELS_REPLICATED = "models.replications";

    /** Periodic reports owed (per period of a plan's reporting duties) and where they stand. */
    public static final String REPORTS_EXPECTED = "reports.expected";
    public static final String REPORTS_SUBMITTED = "reports.submitted";
    public static final String REPORTS_ON_TIME = "reports.onTime";
    public static final String REPORTS_LATE = "reports.late";
    public static final String REPORTS_OVERDUE = "reports.overdue";
    public static final String REPORTS_ACCEPTED = "reports.accepted";
    public static final String REPORTS_RETURNED = "reports.returned";

    private Metrics() {
    }
}
