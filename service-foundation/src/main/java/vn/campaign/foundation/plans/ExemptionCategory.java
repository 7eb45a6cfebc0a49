package vn.campaign.foundation.plans;

/** Members who need not write a personal commitment (a plan lists which of these it exempts). */
public enum ExemptionCategory {
    /** Party members exempted from party activities (miễn sinh hoạt đảng). */
    EXEMPT_FROM_PARTY_ACTIVITIES,
    RETIRED,
    /** Elderly members of ethnic minorities. */
    ELDERLY_ETHNIC_MINORITY,
    OTHER
}
