package vn.campaign.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real PostgreSQL and Kafka of
 * {@link TestInfrastructure}. Init arg {@code database}: the service's database name.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.database(database),
                "quarkus.datasource.username", infra.pgUser(),
                "quarkus.datasource.password", infra.pgPassword(),
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped by TestInfrastructure's shutdown hook.
    }
}
