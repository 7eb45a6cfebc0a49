package vn.campaign.foundation.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.campaign.foundation.events.EventEnvelope;
import vn.campaign.foundation.web.Exceptions;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends outbox rows to Kafka in commit order and deletes them only after the broker acknowledged
 * them. While the broker is away rows stay and the relay retries with backoff, so an accepted
 * change is never lost; a crash between the acknowledgement and the delete re-sends, which the
 * idempotent consumers absorb.
 *
 * <p>Several instances may run: each batch is taken under a transaction-scoped advisory lock, so
 * exactly one relay works at a time and per-aggregate order is kept (plain {@code SKIP LOCKED}
 * batches in parallel could reorder two events of one aggregate).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x0c4a_0b0c_5e1a_7001L;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    TopicProvisioner topics;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String source;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final AtomicLong published = new AtomicLong();
    private volatile boolean woken;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        metrics.gauge("campaign.outbox.published", published);
        metrics.gauge("campaign.outbox.pending", this, relay -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(OutboxEvent::count).doubleValue());
        if (!config.relayEnabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look now (after a commit that wrote outbox rows). */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Events sent since start (for tests and metrics). */
    public long publishedCount() {
        return published.get();
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                topics.ensureTopics();
                int sent = relayBatch();
                backoffMillis = 0;
                if (sent > 0 && sent < config.batchSize()) {
                    // let the next rows gather: one transaction and one broker round trip for many
                    java.util.concurrent.locks.LockSupport.parkNanos(config.linger().toNanos());
                }
                if (sent < config.batchSize()) {
                    idle(config.pollInterval().toMillis());
                }
            } catch (Exception e) {
                backoffMillis = Math.min(Math.max(200, backoffMillis * 2), config.maxBackoff().toMillis());
                LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", Exceptions.rootMessage(e), backoffMillis);
                idle(backoffMillis);
            }
        }
    }

    private void idle(long millis) {
        lock.lock();
        try {
            if (!woken && running) {
                work.await(millis, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Publishes up to one batch; returns how many rows it sent. */
    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = publishLocked(connection);
                connection.commit();
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int publishLocked(Connection connection) throws Exception {
        try (PreparedStatement lockStatement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lockStatement.setLong(1, ADVISORY_LOCK);
            try (ResultSet rs = lockStatement.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> sequences = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, id, topic, aggregate_id, event_type, occurred_at, payload
                from outbox_event order by seq limit ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getLong(1));
                    Future<RecordMetadata> ack = producer.send(record(rs));
                    acks.add(ack);
                    if (failedAlready(ack)) {
                        break; // the broker is unreachable or refused the row: do not block on every later row
                    }
                }
            }
        }
        if (sequences.isEmpty()) {
            return 0;
        }
        producer.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // keep what the broker took before the failure, so a retry does not send it again
                delete(connection, sequences.subList(0, i));
                if (e.getCause() instanceof RetriableException) {
                    connection.commit();
                    throw e;
                }
                park(connection, sequences.get(i), Exceptions.rootMessage(e));
                published.addAndGet(i);
                return i + 1;
            }
        }
        delete(connection, sequences);
        published.addAndGet(sequences.size());
        return sequences.size();
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static void delete(Connection connection, List<Long> sequences) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where seq = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", sequences.toArray()));
            delete.executeUpdate();
        }
    }

    /** A row the broker will never accept (too large, invalid topic): set aside with the reason so the rest flows. */
    private void park(Connection connection, long seq, String reason) throws SQLException {
        LOG.errorf("outbox row %d can never be published (%s); moved to outbox_event_failed", seq, reason);
        try (PreparedStatement move = connection.prepareStatement("""
                with moved as (delete from outbox_event where seq = ? returning *)
                insert into outbox_event_failed (seq, id, topic, aggregate_type, aggregate_id, event_type, occurred_at, payload, reason)
                select seq, id, topic, aggregate_type, aggregate_id, event_type, occurred_at, payload, ? from moved""")) {
            move.setLong(1, seq);
            move.setString(2, reason);
            move.executeUpdate();
        }
    }

    private ProducerRecord<String, String> record(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String aggregateId = rs.getString("aggregate_id");
        Timestamp occurred = rs.getTimestamp("occurred_at");
        ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString("topic"), null,
                occurred.getTime(), aggregateId, rs.getString("payload"));
        header(record, EventEnvelope.H_SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        header(record, EventEnvelope.H_ID, id);
        header(record, EventEnvelope.H_TYPE, rs.getString("event_type"));
        header(record, EventEnvelope.H_SOURCE, "/" + source);
        header(record, EventEnvelope.H_SUBJECT, aggregateId);
        header(record, EventEnvelope.H_TIME, DateTimeFormatter.ISO_INSTANT.format(occurred.toInstant()));
        header(record, EventEnvelope.H_CONTENT_TYPE, EventEnvelope.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(7000, config.sendTimeout().toMillis())));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return props;
    }

}
