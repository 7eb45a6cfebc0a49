package vn.campaign.foundation.inbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The dead-letter topic of a batch channel: a record that can never be applied goes there with
 * the reason, in the same shape as the per-record channels' dead-letter queue (the original
 * headers plus {@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}),
 * and the consumer goes on. The topic is {@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, String> producer;

    /** Sends the record aside; waits until the broker has it (retrying while it is away), so the batch can be acknowledged. */
    public void send(String channel, ConsumerRecord<String, String> record, String reason) {
        String topic = ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        dead.headers().add("dead-letter-reason", bytes(reason));
        dead.headers().add("dead-letter-topic", bytes(record.topic()));
        dead.headers().add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        dead.headers().add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        long backoff = 100;
        while (true) {
            try {
                producer().send(dead).get(30, TimeUnit.SECONDS);
                LOG.warnf("event at %s-%d@%d dead-lettered to %s: %s", record.topic(), record.partition(), record.offset(), topic, reason);
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("cannot dead-letter to %s yet (%s); retrying in %d ms", topic, e.getMessage(), backoff);
                LockSupport.parkNanos(backoff * 1_000_000);
                backoff = Math.min(backoff * 2, 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
