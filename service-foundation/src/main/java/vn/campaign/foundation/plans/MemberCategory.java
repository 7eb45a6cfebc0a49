package vn.campaign.foundation.plans;

/** Who a roster member is, which decides their commitment template. */
public enum MemberCategory {
    PARTY_MEMBER,
    CIVIL_SERVANT,
    UNION_MEMBER,
    CITIZEN;

    /** The template a member of this category writes. */
    public CommitmentTemplate template() {
        return switch (this) {
            case PARTY_MEMBER -> CommitmentTemplate.FORM_01;
            case CIVIL_SERVANT, UNION_MEMBER -> CommitmentTemplate.FORM_2A;
            case CITIZEN -> CommitmentTemplate.FORM_2B;
        };
    }
}
