package vn.campaign.foundation.orgtree;

/** What kind of body an organisation unit (đơn vị) is. Levels are data (the tree), not kinds. */
public enum OrgUnitKind {
    PARTY_COMMITTEE,
    PARTY_ORGANISATION,
    PARTY_CELL,
    GOVERNMENT_BODY,
    FATHERLAND_FRONT,
    MASS_ORGANISATION,
    RESIDENTIAL_GROUP,
    PRESS_AGENCY,
    OTHER
}
