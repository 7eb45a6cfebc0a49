package vn.campaign.commitment.commitments;

import org.junit.jupiter.api.Test;
import vn.campaign.foundation.commitments.Rating;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rating bands of Quy định 366-QĐ/TW and the period ids of check-ins. */
class RatingAndPeriodTest {

    @Test
    void theRatingFollowsFromTheScoreAtEveryBoundary() {
        assertEquals(Rating.EXCELLENT, Rating.of(100));
        assertEquals(Rating.EXCELLENT, Rating.of(90));
        assertEquals(Rating.GOOD, Rating.of(89));
        assertEquals(Rating.GOOD, Rating.of(70));
        assertEquals(Rating.COMPLETED, Rating.of(69));
        assertEquals(Rating.COMPLETED, Rating.of(50));
        assertEquals(Rating.NOT_COMPLETED, Rating.of(49));
        assertEquals(Rating.NOT_COMPLETED, Rating.of(0));
        assertThrows(IllegalArgumentException.class, () -> Rating.of(101));
        assertThrows(IllegalArgumentException.class, () -> Rating.of(-1));
    }

    @Test
    void aCommitmentCannotHoldARatingThatDisagreesWithItsScore() {
        Commitment c = new Commitment();
        c.evaluate(70);
        assertEquals(70, c.score);
        assertEquals(Rating.GOOD, c.rating);
        assertThrows(IllegalArgumentException.class, () -> c.evaluate(120));
        assertEquals(Rating.GOOD, c.rating);
    }

    @Test
    void periodIdsAreTheYearHalfYearsQuartersAndMonths() {
        assertEquals(OptionalInt.of(2025), Periods.yearOf("2025"));
        assertEquals(OptionalInt.of(2025), Periods.yearOf("2025S2"));
        assertEquals(OptionalInt.of(2025), Periods.yearOf("2025Q4"));
        assertEquals(OptionalInt.of(2025), Periods.yearOf("202512"));
        for (String bad : new String[]{"2025Q5", "2025S3", "202513", "202500", "25Q1", "2025-Q1", "", "Q1"}) {
            assertEquals(OptionalInt.empty(), Periods.yearOf(bad), bad);
        }
    }
}
