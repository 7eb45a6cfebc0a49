package vn.campaign.recognition.nomination;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.campaign.recognition.nomination.NominationStatus.APPROVED;
import static vn.campaign.recognition.nomination.NominationStatus.DRAFT;
import static vn.campaign.recognition.nomination.NominationStatus.FORWARDED;
import static vn.campaign.recognition.nomination.NominationStatus.REJECTED;
import static vn.campaign.recognition.nomination.NominationStatus.RETURNED;
import static vn.campaign.recognition.nomination.NominationStatus.SUBMITTED;
import static vn.campaign.recognition.nomination.NominationStatus.UNDER_REVIEW;

/** The nomination state machine on its own. */
class NominationStatusTest {

    @Test
    void aDraftCanOnlyBeSubmitted() {
        assertEquals(EnumSet.of(SUBMITTED), DRAFT.next());
    }

    @Test
    void aSubmittedOrForwardedNominationIsTakenUpForReviewFirst() {
        assertEquals(EnumSet.of(UNDER_REVIEW), SUBMITTED.next());
        assertEquals(EnumSet.of(UNDER_REVIEW), FORWARDED.next());
        assertFalse(SUBMITTED.canBecome(APPROVED));
        assertFalse(FORWARDED.canBecome(APPROVED));
    }

    @Test
    void underReviewItIsForwardedOrDecidedOrReturned() {
        assertEquals(EnumSet.of(FORWARDED, APPROVED, REJECTED, RETURNED), UNDER_REVIEW.next());
    }

    @Test
    void aReturnedNominationIsResubmittedAndEditable() {
        assertEquals(EnumSet.of(SUBMITTED), RETURNED.next());
        assertTrue(RETURNED.isEditable());
        assertTrue(DRAFT.isEditable());
        assertFalse(UNDER_REVIEW.isEditable());
    }

    @Test
    void decisionsAreFinalAndClosed() {
        for (NominationStatus decided : EnumSet.of(APPROVED, REJECTED)) {
            assertTrue(decided.next().isEmpty());
            assertFalse(decided.isOpen());
        }
        for (NominationStatus open : EnumSet.complementOf(EnumSet.of(APPROVED, REJECTED))) {
            assertTrue(open.isOpen(), open + " is open");
        }
    }

    @Test
    void nothingGoesBackToDraft() {
        for (NominationStatus status : NominationStatus.values()) {
            assertFalse(status.canBecome(DRAFT));
        }
    }
}
