package vn.campaign.foundation.events;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventEnvelopeTimeTest {

    @Test
    void readsWhatTheOutboxWritesExactlyAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L); // years 0005 to 9891
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertEquals(instant, EventEnvelope.parseTime(text), text);
        }
    }

    @Test
    void readsOtherRfc3339FormsThroughInstantParse() {
        assertEquals(Instant.parse("2026-12-02T15:36:01+07:00"), EventEnvelope.parseTime("2026-12-02T15:36:01+07:00"));
        assertEquals(Instant.parse("2026-12-02T08:36:01.5Z"), EventEnvelope.parseTime("2026-12-02T08:36:01.5Z"));
        assertEquals(Instant.parse("2026-12-02T08:36:01.Z"), EventEnvelope.parseTime("2026-12-02T08:36:01.Z"));
        assertEquals(Instant.parse("2026-12-02T08:36:01.123456789Z"), EventEnvelope.parseTime("2026-12-02T08:36:01.123456789Z"));
    }

    @Test
    void rejectsWhatIsNotATimestamp() {
        for (String bad : new String[] {"2026-02-30T08:36:01Z", "2026-13-02T08:36:01Z", "2026-12-02T24:36:01Z", "2026-12-02T08:60:01Z",
                "2026-12-02T08:36:01.1234567890Z", "2026-12-0xT08:36:01Z", "2026-12-02 08:36:01Z",
                "yesterday", "2026-12-02T08:36:01"}) {
            assertThrows(DateTimeException.class, () -> EventEnvelope.parseTime(bad), bad);
        }
    }
}
