package vn.campaign.foundation.ids;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void anIdIsVersionSevenWithTheTimeInItsFirstFortyEightBits() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = TimeOrderedIds.millis(id);
        assertTrue(millis >= before && millis <= after, "time " + millis + " outside " + before + ".." + after);
        assertEquals(Long.toHexString(millis), id.toString().replace("-", "").substring(0, 12).replaceFirst("^0+", ""));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.millis(UUID.fromString("9b2f6a52-8b1e-4c3a-9f00-1d2e3f405162")));
    }

    @Test
    void idsMadeOneAfterAnotherSortInThatOrderAsUuidsAndAsText() throws Exception {
        long t = 1_790_000_000_000L;
        // on a thread of its own, whose generator has not seen a later time
        ExecutorService thread = Executors.newSingleThreadExecutor();
        List<UUID> made;
        try {
            made = thread.submit(() -> {
                List<UUID> ids = new ArrayList<>();
                // many in one millisecond, a later one, and a clock that steps back
                for (int i = 0; i < 50_000; i++) {
                    ids.add(TimeOrderedIds.next(t));
                }
                ids.add(TimeOrderedIds.next(t + 5));
                ids.add(TimeOrderedIds.next(t + 1));
                ids.add(TimeOrderedIds.next(t + 6));
                return ids;
            }).get();
        } finally {
            thread.shutdownNow();
        }
        assertEquals(t, TimeOrderedIds.millis(made.get(0)));
        for (int i = 1; i < made.size(); i++) {
            UUID previous = made.get(i - 1);
            UUID id = made.get(i);
            assertTrue(Long.compareUnsigned(previous.getMostSignificantBits(), id.getMostSignificantBits()) < 0
                    || previous.getMostSignificantBits() == id.getMostSignificantBits()
                    && Long.compareUnsigned(previous.getLeastSignificantBits(), id.getLeastSignificantBits()) < 0,
                    previous + " then " + id);
            // the inbox keys events by the id's text: that order must be the same
            assertTrue(previous.toString().compareTo(id.toString()) < 0, previous + " then " + id);
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
        }
        assertEquals(t + 5, TimeOrderedIds.millis(made.get(50_001)), "a clock that steps back keeps the last time");
    }

    @Test
    void threadsMakingIdsAtOnceNeverMakeTheSameOne() throws Exception {
        int threads = 4;
        int each = 100_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<UUID>>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                parts.add(pool.submit(() -> {
                    List<UUID> ids = new ArrayList<>(each);
                    for (int j = 0; j < each; j++) {
                        ids.add(TimeOrderedIds.next());
                    }
                    return ids;
                }));
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> part : parts) {
                all.addAll(part.get());
            }
            assertEquals(threads * each, all.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
