package vn.campaign.commitment;

import vn.campaign.foundation.web.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Cursor values that {@code PageRequest.Part} does not check (64-bit sequence numbers,
 * timestamps): a forged cursor is a 400, never a failing query.
 */
public final class Cursors {

    private Cursors() {
    }

    public static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "not a cursor returned by this list");
    }
}
