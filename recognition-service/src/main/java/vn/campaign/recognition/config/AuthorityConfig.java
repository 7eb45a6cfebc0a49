package vn.campaign.recognition.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import vn.campaign.foundation.orgtree.OrgUnitKind;

import java.util.Set;

/**
 * Which units may grant which form of commendation, by the unit's depth in the replicated tree
 * (the root is depth 1) and its kind. The default fits the tree since 1 July 2025 (no district
 * level): depth 1 the national level grants NATIONAL_MERIT; depth 2 the provinces grant
 * PROVINCIAL_MERIT; depth 3 the communes, wards, special zones and provincial agencies grant
 * CERTIFICATE, as do agencies ({@link #certificateKinds()}) deeper down; depth 4 and below
 * (grassroots organisations, cells) praise at meetings. A unit may also grant every lesser form.
 */
@ConfigMapping(prefix = "campaign.recognition.authority")
public interface AuthorityConfig {

    /** Depths whose units grant NATIONAL_MERIT. */
    @WithDefault("1")
    Set<Integer> nationalMeritDepths();

    /** Depths whose units grant PROVINCIAL_MERIT. */
    @WithDefault("2")
    Set<Integer> provincialMeritDepths();

    /** Depths whose units grant CERTIFICATE. */
    @WithDefault("3")
    Set<Integer> certificateDepths();

    /** Kinds of unit that grant CERTIFICATE at any depth from the shallowest certificate depth down (agencies). */
    @WithDefault("GOVERNMENT_BODY")
    Set<OrgUnitKind> certificateKinds();

    /** Units at this depth and deeper praise at meetings. */
    @WithDefault("4")
    int praiseFromDepth();
}
