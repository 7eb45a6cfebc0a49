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
}
