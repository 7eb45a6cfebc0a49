package vn.campaign.reporting.figures;

import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.foundation.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Period ids in the DHIS2 style: {@code 2024}, {@code 2024S1}/{@code 2024S2},
 * {@code 2024Q1}..{@code 2024Q4}; {@code current} holds state that has no period (the roster).
 */
public final class Periods {

    public static final String CURRENT = "current";
    private static final Pattern ID = Pattern.compile("(20\\d\\d)(S[12]|Q[1-4])?|current");

    private Periods() {
    }

    /** The year, half and quarter a day falls in. */
    public static List<String> containing(LocalDate day) {
        int year = day.getYear();
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        return List.of(String.valueOf(year), year + "S" + (quarter <= 2 ? 1 : 2), year + "Q" + quarter);
    }

    public static List<String> containing(Instant at) {
        return containing(at.atZone(CampaignDates.ZONE).toLocalDate());
    }

    /** Checks a period id from a request; 400 naming {@code field} when it is not one. */
    public static String require(String field, String period) {
        if (period == null || !ID.matcher(period).matches()) {
            throw ProblemException.invalid(field, "a period id such as 2024, 2024S1 or 2024Q2");
        }
        return period;
    }
}
