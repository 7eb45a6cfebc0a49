package vn.campaign.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure of the local stack: one PostgreSQL server with a database per service and
 * one Kafka broker, both keeping their data under {@code --dir}. Runs until terminated.
 *
 * <pre>java -jar local-infra.jar --dir .stack --pg-port 15432 --kafka-port 19092 --databases plan,commitment</pre>
 */
public final class LocalInfra {

    private LocalInfra() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path dir = Path.of(options.getOrDefault("dir", ".stack")).toAbsolutePath();
        int pgPort = Integer.parseInt(options.getOrDefault("pg-port", "15432"));
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "19092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("kafka-controller-port", String.valueOf(kafkaPort + 1)));
        Files.createDirectories(dir);

        PostgresServer postgres = PostgresServer.start(dir.resolve("pgdata"), pgPort);
        for (String database : options.getOrDefault("databases", "").split(",")) {
            if (!database.isBlank()) {
                postgres.ensureDatabase(database.trim());
            }
        }
        KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            try {
                postgres.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
            stopped.countDown();
        }, "local-infra-shutdown"));

        Files.writeString(dir.resolve("infra.ready"),
                "postgres=" + postgres.jdbcUrl("postgres") + "\nkafka=" + kafka.bootstrapServers() + "\n");
        System.out.println("PostgreSQL on " + postgres.jdbcUrl("") + " (user postgres), Kafka on " + kafka.bootstrapServers());
        stopped.await();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                options.put(key, value);
            }
        }
        return options;
    }
}
