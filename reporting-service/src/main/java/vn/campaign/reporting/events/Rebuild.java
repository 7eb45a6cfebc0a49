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
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Drops the read models (the periodic reports themselves are kept) and replays the plan, commitment and recognition topics from the
 * beginning. The live consumers keep running: every fact holds its aggregate's state by version,
 * so an event that both they and the replay apply counts once, and the result equals the live
 * figures. The replay writes the facts in batches and recomputes the figures from them
 * once at the end. Reads meanwhile show partial figures and are marked (see {@link #running()}).
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    /** Events per transaction of an applier (the reader holds one more batch per applier, and one waits in each queue). */
    private static final int BATCH = 2500;

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
    /** Threads applying the replay, each to its share of the aggregates (by record key). */
    @ConfigProperty(name = "campaign.reporting.rebuild.appliers", defaultValue = "2")
    int appliers;
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
            // TRUNCATE waits for consumer transactions in flight
            em.createNativeQuery("truncate aggregate_fact, unit_figure, reported_plan, report_duty").executeUpdate();
        });
        status = new Status("RUNNING", started, null, 0, 0, null);
        Thread replay = new Thread(() -> replay(started), "figures-rebuild");
        replay.setDaemon(true);
        replay.start();
        return status;
    }

    /** The end of the replay's batches (the reader is done, or the replay stops). */
    private static final List<ConsumerRecord<String, String>> END = List.of();

    /**
     * A reader thread fetches the topics and deals the records by key to {@code appliers}
     * threads (this one among them), each applying its batches in its own transactions. The
     * events of one aggregate share a key, so they stay in order on one applier and the appliers
     * write disjoint facts; fetching and decoding overlap the database's work.
     */
    private void replay(Instant started) {
        Map<String, Consumer<EventEnvelope>> handlers = Map.of(plansTopic, plans::apply, commitmentsTopic, commitments::apply,
                recognitionTopic, recognition::apply);
        List<BlockingQueue<List<ConsumerRecord<String, String>>>> queues = new ArrayList<>();
        for (int i = 0; i < appliers; i++) {
            queues.add(new ArrayBlockingQueue<>(1));
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong events = new AtomicLong();
        Thread reader = new Thread(() -> read(handlers.keySet(), queues, failure, stop), "figures-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        List<Thread> others = new ArrayList<>();
        for (int i = 1; i < appliers; i++) {
            BlockingQueue<List<ConsumerRecord<String, String>>> queue = queues.get(i);
            Thread applier = new Thread(() -> apply(queue, handlers, events, started, failure, stop), "figures-rebuild-" + i);
            applier.setDaemon(true);
            applier.start();
            others.add(applier);
        }
        apply(queues.get(0), handlers, events, started, failure, stop);
        try {
            for (Thread applier : others) {
                applier.join();
            }
            if (failure.get() != null) {
                throw failure.get() instanceof RuntimeException e ? e : new IllegalStateException(failure.get());
            }
            QuarkusTransaction.requiringNew().timeout(3600).run(readModel::recomputeFigures);
            Instant finished = Instant.now();
            long millis = Math.max(1, Duration.between(started, finished).toMillis());
            status = new Status("DONE", started, finished, events.get(), events.get() * 1000 / millis, null);
        } catch (RuntimeException | InterruptedException e) {
            LOG.error("rebuild of the figures failed", e);
            status = new Status("FAILED", started, Instant.now(), events.get(), 0, e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An applier: its batches until {@link #END}; after a failure anywhere it only drains its queue. */
    private void apply(BlockingQueue<List<ConsumerRecord<String, String>>> queue, Map<String, Consumer<EventEnvelope>> handlers,
                       AtomicLong events, Instant started, AtomicReference<Throwable> failure, AtomicBoolean stop) {
        try {
            while (true) {
                List<ConsumerRecord<String, String>> batch = queue.take();
                if (batch == END) {
                    return;
                }
                if (stop.get()) {
                    continue;
                }
                try {
                    batches.replay(batch, record -> handlers.get(record.topic()));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                    continue;
                }
                long done = events.addAndGet(batch.size());
                long millis = Math.max(1, Duration.between(started, Instant.now()).toMillis());
                status = new Status("RUNNING", started, null, done, done * 1000 / millis, null);
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            stop.set(true);
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The reader: the topics from the beginning up to their end at the start, dealt by key to the
     * appliers' queues in batches of {@link #BATCH}, then {@link #END} to each.
     */
    private void read(Iterable<String> topics, List<BlockingQueue<List<ConsumerRecord<String, String>>>> queues,
                      AtomicReference<Throwable> failure, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<List<ConsumerRecord<String, String>>> parts = new ArrayList<>();
            queues.forEach(q -> parts.add(new ArrayList<>(BATCH)));
            while (!stop.get() && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        // newer records are the live consumers'
                        int i = Math.floorMod(Objects.hashCode(record.key()), parts.size());
                        parts.get(i).add(record);
                        if (parts.get(i).size() >= BATCH) {
                            queues.get(i).put(parts.get(i));
                            parts.set(i, new ArrayList<>(BATCH));
                        }
                    }
                }
            }
            for (int i = 0; i < parts.size() && !stop.get(); i++) {
                if (!parts.get(i).isEmpty()) {
                    queues.get(i).put(parts.get(i));
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            stop.set(true);
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            stop.set(true);
            Thread.currentThread().interrupt();
        } finally {
            // every applier takes from its queue until the end (after a failure without applying), so this cannot block for long
            for (BlockingQueue<List<ConsumerRecord<String, String>>> queue : queues) {
                if (stop.get()) {
                    queue.clear();
                }
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    queue.clear();
                    queue.offer(END);
                }
            }
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
