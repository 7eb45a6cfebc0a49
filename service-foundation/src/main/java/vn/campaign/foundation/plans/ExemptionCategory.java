package vn.campaign.foundation.plans;

/** Members who need not write a personal commitment (a plan lists which of these it exempts). */
public enum ExemptionCategory {
    /** Party members exempted from party activities (miễn sinh hoạt đảng). */
    EXEMPT_FROM_PARTY_ACTIVITIES,
    RETIRED,
    /**
     * Elderly members the rules exempt (the campaign's guidance names elderly ethnic-minority
     * members); deliberately not recorded as ethnicity, which the system must not store.
     */
    ELDERLY,
    OTHER
}
