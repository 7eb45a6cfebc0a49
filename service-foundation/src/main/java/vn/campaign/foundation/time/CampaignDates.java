package vn.campaign.foundation.time;

import java.time.LocalDate;
import java.time.ZoneId;

/** Deadlines are dates in Asia/Ho_Chi_Minh; a date means the end of that day there. */
public final class CampaignDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private CampaignDates() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The instant a deadline date ends: midnight after it, Asia/Ho_Chi_Minh. */
    public static java.time.Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** True when {@code at} falls after the end of the deadline date. */
    public static boolean isAfter(LocalDate deadline, java.time.Instant at) {
        return !at.isBefore(endOf(deadline));
    }
}
