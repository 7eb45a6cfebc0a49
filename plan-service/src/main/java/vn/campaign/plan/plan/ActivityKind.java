package vn.campaign.plan.plan;

/** Implementation activities a unit records for a plan. */
public enum ActivityKind {
    /** Học tập, quán triệt: studying the plan (one per cell before a deadline). */
    STUDY_SESSION,
    /** Sinh hoạt chuyên đề: the periodic topical meeting. */
    TOPICAL_MEETING,
    OTHER
}
