package vn.campaign.foundation.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A unit's path from the root as a list of unit ids, and its PostgreSQL {@code ltree} form
 * (one label per unit: the id's 32 hex digits, which every ltree version accepts).
 */
public final class UnitPaths {

    private UnitPaths() {
    }

    public static String toLtree(List<UUID> path) {
        StringBuilder out = new StringBuilder();
        for (UUID id : path) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(label(id));
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public static String label(UUID id) {
        char[] out = new char[32];
        hex(id.getMostSignificantBits(), out, 0);
        hex(id.getLeastSignificantBits(), out, 16);
        return new String(out);
    }

    private static void hex(long bits, char[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
    }

    public static List<UUID> fromLtree(String ltree) {
        List<UUID> path = new ArrayList<>();
        for (String label : ltree.split("\\.")) {
            path.add(UUID.fromString(label.substring(0, 8) + "-" + label.substring(8, 12) + "-" + label.substring(12, 16)
                    + "-" + label.substring(16, 20) + "-" + label.substring(20)));
        }
        return path;
    }

    /** True when {@code path} is {@code ancestorPath} itself or lies below it. */
    public static boolean within(List<UUID> path, List<UUID> ancestorPath) {
        return path.size() >= ancestorPath.size() && path.subList(0, ancestorPath.size()).equals(ancestorPath);
    }
}
