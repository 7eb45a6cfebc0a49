package vn.campaign.foundation.recognition;

/** Who or what a nomination commends: a member, a unit as a collective (tập thể), or a model. */
public enum NomineeType {
    MEMBER,
    COLLECTIVE,
    MODEL
}
