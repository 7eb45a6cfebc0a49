package vn.campaign.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real PostgreSQL and Kafka that tests talk to, started once per test JVM.
 *
 * <p>Where the environment names them ({@code CAMPAIGN_TEST_PG_URL} with
 * {@code CAMPAIGN_TEST_PG_USER}/{@code CAMPAIGN_TEST_PG_PASSWORD}, and
 * {@code CAMPAIGN_TEST_KAFKA_BOOTSTRAP}) those are used; otherwise an embedded PostgreSQL and a
 * KRaft broker are started here and stopped when the JVM exits.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final Path workDirectory;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final String adminJdbcUrl;
    private final String pgUser;
    private final String pgPassword;
    private final String kafkaBootstrap;

    private TestInfrastructure() throws IOException {
        workDirectory = Files.createTempDirectory("campaign-test-infra");
        String externalPg = System.getenv("CAMPAIGN_TEST_PG_URL");
        if (externalPg != null && !externalPg.isBlank()) {
            postgres = null;
            adminJdbcUrl = externalPg;
            pgUser = env("CAMPAIGN_TEST_PG_USER", "postgres");
            pgPassword = env("CAMPAIGN_TEST_PG_PASSWORD", "postgres");
        } else {
            postgres = PostgresServer.start(workDirectory.resolve("pgdata"), 0);
            adminJdbcUrl = postgres.jdbcUrl("postgres");
            pgUser = postgres.user();
            pgPassword = postgres.password();
        }
        String externalKafka = System.getenv("CAMPAIGN_TEST_KAFKA_BOOTSTRAP");
        if (externalKafka != null && !externalKafka.isBlank()) {
            kafka = null;
            kafkaBootstrap = externalKafka;
        } else {
            kafka = KafkaBroker.start(workDirectory.resolve("kafka"), 0, 0);
            kafkaBootstrap = kafka.bootstrapServers();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "test-infrastructure-shutdown"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                instance = new TestInfrastructure();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test infrastructure", e);
            }
        }
        return instance;
    }

    /** Creates the database unless it exists and returns its JDBC URL. */
    public String database(String name) {
        try {
            return PostgresServer.ensureDatabase(adminJdbcUrl, pgUser, pgPassword, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public String pgUser() {
        return pgUser;
    }

    public String pgPassword() {
        return pgPassword;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** Takes the broker away (only an embedded one can be); see {@link #startKafka()}. */
    public void stopKafka() {
        requireEmbeddedKafka().stop();
    }

    public void startKafka() {
        try {
            requireEmbeddedKafka().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean kafkaIsEmbedded() {
        return kafka != null;
    }

    private KafkaBroker requireEmbeddedKafka() {
        if (kafka == null) {
            throw new IllegalStateException("the broker was given by CAMPAIGN_TEST_KAFKA_BOOTSTRAP and cannot be stopped from a test");
        }
        return kafka;
    }

    private void shutdown() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the temp directory is removed below either way
            }
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp directory does no harm
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
