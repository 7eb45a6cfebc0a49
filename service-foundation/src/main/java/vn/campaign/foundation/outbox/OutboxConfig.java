package vn.campaign.foundation.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay ({@code campaign.outbox.*}). */
@ConfigMapping(prefix = "campaign.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka (any number of instances may; one works at a time). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * After a batch that was not full, how long the relay lets rows gather before the next one:
     * under load a transaction and a broker round trip carry many events instead of one each, for
     * at most this much more latency.
     */
    @WithDefault("10ms")
    Duration linger();

    /** How often an idle relay looks for rows written by other instances. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long to wait for the broker to acknowledge a batch. */
    @WithDefault("20s")
    Duration sendTimeout();
}
