package vn.campaign.foundation.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Keyset pagination parameters: {@code limit} (1–{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT})
 * and an opaque {@code cursor} from the previous page. Keyset rather than offset so deep pages
 * of national-scale lists cost the same as the first.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final char SEPARATOR = '\u001f';

    @QueryParam("limit")
    @Parameter(description = "page size, 1-200 (default 50)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    String cursor;

    public PageRequest() {
    }

    public PageRequest(int limit, String cursor) {
        this.limit = String.valueOf(limit);
        this.cursor = cursor;
    }

    /** The page size; a value that is not a whole number in range is a 400 naming {@code limit}. */
    public int limit() {
        Integer parsed = QueryParams.intOf("limit", limit, 1, MAX_LIMIT);
        return parsed == null ? DEFAULT_LIMIT : parsed;
    }

    /** What one value of a cursor must look like (it is bound into SQL casts). */
    public enum Part { TEXT, UUID, INT, DATE }

    /** The values the cursor carries, or null on the first page; 400 if it is not one of ours. */
    public List<String> cursorValues(Part... parts) {
        List<String> values = cursorValues(parts.length);
        if (values != null) {
            for (int i = 0; i < parts.length; i++) {
                try {
                    switch (parts[i]) {
                        case UUID -> java.util.UUID.fromString(values.get(i));
                        case INT -> Integer.parseInt(values.get(i));
                        case DATE -> java.time.LocalDate.parse(values.get(i));
                        case TEXT -> { }
                    }
                } catch (RuntimeException e) {
                    throw ProblemException.invalid("cursor", "not a cursor returned by this list");
                }
            }
        }
        return values;
    }

    private List<String> cursorValues(int expected) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(decoded.split(String.valueOf(SEPARATOR), -1));
            if (values.size() != expected) {
                throw new IllegalArgumentException();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "not a cursor returned by this list");
        }
    }

    public static String cursorOf(Object... values) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                joined.append(SEPARATOR);
            }
            joined.append(values[i] == null ? "" : values[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }
}
