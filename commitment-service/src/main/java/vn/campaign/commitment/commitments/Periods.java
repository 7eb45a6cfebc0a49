package vn.campaign.commitment.commitments;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DHIS2-style period ids, as reporting-service uses them: {@code 2025}, {@code 2025S1}, {@code 2025Q2}, {@code 202504}. */
public final class Periods {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(S[12]|Q[1-4]|0[1-9]|1[0-2])?");

    private Periods() {
    }

    /** The year of a valid period id, or empty for anything else. */
    public static OptionalInt yearOf(String period) {
        if (period == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = PERIOD.matcher(period);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
