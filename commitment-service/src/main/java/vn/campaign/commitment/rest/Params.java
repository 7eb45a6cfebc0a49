package vn.campaign.commitment.rest;

import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.foundation.web.QueryParams;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Query parameters {@link QueryParams} does not cover, parsed so a bad value is a 400 naming the parameter. */
final class Params {

    private Params() {
    }

    static UUID requiredUuid(String name, String value) {
        UUID id = QueryParams.uuidOf(name, value);
        if (id == null) {
            throw ProblemException.invalid(name, "is required");
        }
        return id;
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "expected true or false");
        };
    }

    /** An ISO-8601 date-time with offset, e.g. {@code 2025-05-01T08:00:00Z}. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "expected an ISO-8601 date-time with offset, e.g. 2025-05-01T08:00:00Z");
        }
    }

    /** Enum values, repeated or comma-separated. */
    static <E extends Enum<E>> List<E> enums(String name, Class<E> type, List<String> values) {
        List<E> parsed = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        parsed.add(QueryParams.enumOf(type, name, part));
                    }
                }
            }
        }
        return parsed;
    }

    /** The subtree to read as an ltree: the given unit (checked), else the caller's unit; null (everything) for an admin. */
    static String underPath(Scope scope, UUID unit) {
        if (unit != null) {
            return UnitPaths.toLtree(scope.requireWithin(unit));
        }
        return scope.isAdmin() ? null : UnitPaths.toLtree(scope.callerPath());
    }
}
