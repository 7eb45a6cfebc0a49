package vn.campaign.plan.plan;

/** Kế hoạch, hướng dẫn, chỉ thị, kết luận, or another document. */
public enum PlanType {
    PLAN,
    GUIDANCE,
    DIRECTIVE,
    CONCLUSION,
    OTHER
}
