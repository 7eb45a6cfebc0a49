package vn.campaign.foundation.security;

/** The roles of the security model, as they appear in the token's {@code groups} claim. */
public final class Roles {

    public static final String MEMBER = "member";
    public static final String CELL_SECRETARY = "cell-secretary";
    public static final String UNIT_OFFICER = "unit-officer";
    public static final String COMMENDATION_COUNCIL = "commendation-council";
    public static final String VIEWER = "viewer";
    public static final String INTEGRATION = "integration";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
