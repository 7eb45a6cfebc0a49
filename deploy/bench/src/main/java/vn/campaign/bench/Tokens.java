package vn.campaign.bench;

import vn.campaign.localinfra.DevTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Dev tokens (the key pair the local stack trusts), minted once per role, unit and member. */
public final class Tokens {

    private static final Duration TTL = Duration.ofHours(12);
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public String admin() {
        return cache.computeIfAbsent("admin", k -> DevTokens.mint("bench-admin", "Benchmark loader", null, null, List.of("admin"), TTL));
    }

    /** A role at a unit, e.g. the cell secretary of a cell or a viewer of a province. */
    public String of(String role, UUID unit) {
        return cache.computeIfAbsent(role + ":" + unit,
                k -> DevTokens.mint("bench-" + role + "-" + unit, "Bench " + role, unit, null, List.of(role), TTL));
    }

    /** A member acting on their own commitment (not cached: one use each). */
    public String member(UUID member, UUID unit) {
        return DevTokens.mint("bench-member-" + member, "Bench member", unit, member, List.of("member"), TTL);
    }
}
