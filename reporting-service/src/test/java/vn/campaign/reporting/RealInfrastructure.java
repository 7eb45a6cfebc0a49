package vn.campaign.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.campaign.localinfra.RealInfrastructureResource;

/** Every test of this module runs against a real PostgreSQL (database "reporting") and a real Kafka broker. */
@QuarkusTestResource(value = RealInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
public class RealInfrastructure {
}
