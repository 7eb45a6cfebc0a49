package vn.campaign.foundation.web;

/** Strong entity tags from an entity's version, and the {@code If-Match} check for updates. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The same tag for {@code Response.tag(...)}, which adds the quotes itself. */
    public static jakarta.ws.rs.core.EntityTag tag(long version) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(version));
    }

    /** Throws 412 when the client sent {@code If-Match} for another version; no header means no check. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("the resource has changed since you read it (current ETag " + current + "); read it again and retry");
    }
}
