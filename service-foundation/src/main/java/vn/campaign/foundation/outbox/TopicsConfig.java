package vn.campaign.foundation.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * Topics this service publishes to, created before the first event is sent so that their
 * settings (compaction above all) do not depend on the broker's auto-creation:
 * {@code campaign.topics."campaign.org-units.v1".compacted=true}.
 */
@ConfigMapping(prefix = "campaign.topics")
public interface TopicsConfig {

    @WithParentName
    Map<String, Topic> topics();

    interface Topic {
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Keep only the latest record per key (for state topics such as the org tree). */
        @WithDefault("false")
        boolean compacted();
    }
}
