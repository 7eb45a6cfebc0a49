package vn.campaign.foundation.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a list in a stable order. {@code nextCursor} is null on the last page; pass it
 * back as {@code cursor} to read the next one.
 */
@Schema(name = "Page")
public record Page<T>(List<T> items, @Schema(nullable = true) String nextCursor, int limit) {

    /** Builds a page from up to {@code limit + 1} rows: the extra row only says that more exist. */
    public static <R, T> Page<T> of(List<R> rows, int limit, java.util.function.Function<R, T> mapper,
                                    java.util.function.Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(mapper).toList(), next, limit);
    }
}
