package vn.campaign.foundation.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New ids for entities and events: UUID version 7 (RFC 9562), the Unix time in milliseconds in the
 * first 48 bits, then 74 random bits.
 *
 * <p>Ids made one after another sort one after another, so a primary key, an inbox
 * ({@code processed_event}) or a replica keyed by them grows at the right edge of its index
 * instead of writing a random page of it for every row: at national scale (millions of members,
 * an inbox row per event and consumer) those indexes outgrow memory, and a random insert is a page
 * read, and after each checkpoint a whole page written to the WAL again.
 *
 * <p>The random bits come from a generator per thread, so concurrent requests do not queue on the
 * one shared generator behind {@link UUID#randomUUID()}. Within one thread and millisecond the
 * random part counts up, so ids stay in the order they were made (RFC 9562, method 2: a counter
 * seeded at random).
 */
public final class TimeOrderedIds {

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return STATE.get().next(System.currentTimeMillis());
    }

    /** The id for {@code millis}; made visible for tests of the layout and the order. */
    static UUID next(long millis) {
        return STATE.get().next(millis);
    }

    /** The Unix time in milliseconds that a version 7 id holds. */
    public static long millis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 id: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }

    private static final class State {
        private final SecureRandom random = newRandom();
        private long lastMillis = -1;
        /** 12 bits of rand_a then 62 of rand_b, as one 74-bit counter kept in two longs. */
        private long randA;
        private long randB;

        UUID next(long millis) {
            if (millis > lastMillis) {
                lastMillis = millis;
                randA = random.nextInt() & 0x0FFFL;
                // the top bit left clear, so the counter has room to count up within the millisecond
                randB = random.nextLong() & 0x1FFF_FFFF_FFFF_FFFFL;
            } else {
                // same millisecond (or the clock went back): count up, carrying into rand_a;
                // past its end, borrow the next millisecond
                randB = (randB + 1) & 0x3FFF_FFFF_FFFF_FFFFL;
                if (randB == 0) {
                    randA = (randA + 1) & 0x0FFFL;
                    if (randA == 0) {
                        lastMillis++;
                    }
                }
            }
            long msb = (lastMillis << 16) | 0x7000L | randA;
            long lsb = 0x8000_0000_0000_0000L | randB;
            return new UUID(msb, lsb);
        }

        private static SecureRandom newRandom() {
            try {
                // an instance of its own per thread, seeded from the system's entropy once
                return SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                return new SecureRandom();
            }
        }
    }
}
