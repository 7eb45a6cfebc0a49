package vn.campaign.commitment;

import jakarta.inject.Singleton;
import vn.campaign.foundation.time.CampaignDates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in tests: real time, optionally moved forward, so a test can submit
 * after a due date without waiting. Replaces the default {@link Clock} bean. Tests that move it
 * reset it when done.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the application believes it is {@code instant} (and time runs on from there). */
    public void moveTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return CampaignDates.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
