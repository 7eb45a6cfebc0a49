package vn.campaign.foundation.plans;

/**
 * The personal-commitment forms: FORM_01 for party members, FORM_2A for cadres, civil servants,
 * public employees and union or association members who are not party members, FORM_2B for
 * other citizens registering with their village, residential group, union or association.
 */
public enum CommitmentTemplate {
    FORM_01,
    FORM_2A,
    FORM_2B
}
