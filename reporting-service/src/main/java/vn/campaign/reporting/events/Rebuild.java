package vn.campaign.reporting.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.web.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Drops the read models (the periodic reports themselves are kept) and replays the plan, commitment and recognition topics from the
 * beginning. The live consumers keep running: both they and the replay apply events through the
 * same inbox, so an event is counted once whichever path reaches it first, and the result equals
 * the live figures. The replay writes the facts in batches and recomputes the figures from them
 * once at the end. Reads meanwhile show partial figures and are marked (see {@link #running()}).
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    /** Events per transaction of the replay. */
    private static final int BATCH = 5000;

    @Inject
    EntityManager em;
    @Inject
    PlanFigures plans;
    @Inject
    CommitmentFigures commitments;
    @Inject
    RecognitionFigures recognition;
    @Inject
    vn.campaign.reporting.figures.ReadModel readModel;
    @Inject
    FigureBatches batches;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "mp.messaging.incoming.plans.topic")
    String plansTopic;
    @ConfigProperty(name = "mp.messaging.incoming.commitments.topic")
    String commitmentsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.recognition.topic")
    String recognitionTopic;

    private volatile Status status = new Status("IDLE", null, null, 0, 0, null);

    /** Where a rebuild stands. */
    @Schema(name = "RebuildStatus")
    public record Status(String state, Instant startedAt, Instant finishedAt, long events, long eventsPerSecond, String error) {
    }

    public Status status() {
        return status;
    }

    public boolean running() {
        return "RUNNING".equals(status.state());
    }

    public synchronized Status start() {
        if (running()) {
            throw ProblemException.conflict("a rebuild is already running since " + status.startedAt());
        }
        Instant started = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            // TRUNCATE waits for consumer transactions in flight; the inbox rows go with the figures they produced
            em.createNativeQuery("truncate aggregate_fact, unit_figure, reported_plan, report_duty").executeUpdate();
            em.createNativeQuery("delete from processed_event where consumer = '" + FigureBatches.CONSUMER + "'").executeUpdate();
        });
        status = new Status("RUNNING", started, null, 0, 0, null);
        Thread replay = new Thread(() -> replay(started), "figures-rebuild");
        replay.setDaemon(true);
        replay.start();
        return status;
    }

    private void replay(Instant started) {
        Map<String, Consumer<EventEnvelope>> handlers = Map.of(plansTopic, plans::apply, commitmentsTopic, commitments::apply,
                recognitionTopic, recognition::apply);
        long events = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : handlers.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> batch = new ArrayList<>(BATCH);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record); // newer records are the live consumers'
                    }
                }
                if (batch.size() >= BATCH) {
                    batches.replay(batch, record -> handlers.get(record.topic()));
                    events += batch.size();
                    batch.clear();
                    long millis = Math.max(1, Duration.between(started, Instant.now()).toMillis());
                    status = new Status("RUNNING", started, null, events, events * 1000 / millis, null);
                }
            }
            batches.replay(batch, record -> handlers.get(record.topic()));
            events += batch.size();
            QuarkusTransaction.requiringNew().timeout(3600).run(readModel::recomputeFigures);
            Instant finished = Instant.now();
            long millis = Math.max(1, Duration.between(started, finished).toMillis());
            status = new Status("DONE", started, finished, events, events * 1000 / millis, null);
        } catch (RuntimeException e) {
            LOG.error("rebuild of the figures failed", e);
            status = new Status("FAILED", started, Instant.now(), events, 0, e.getMessage());
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(BATCH));
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "2097152");
        return props;
    }
}
