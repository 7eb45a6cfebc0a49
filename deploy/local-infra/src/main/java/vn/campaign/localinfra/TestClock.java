package vn.campaign.localinfra;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in tests: real time, optionally moved to another day, so a test can act
 * before or after a due date without waiting. Replaces the services' default {@link Clock} bean
 * (this jar carries a beans.xml, so Quarkus tests discover it). Tests that move it reset it when done.
 */
@Singleton
public class TestClock extends Clock {

    /** The services' zone (Asia/Ho_Chi_Minh): deadlines are dates there. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

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
        return ZONE;
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
