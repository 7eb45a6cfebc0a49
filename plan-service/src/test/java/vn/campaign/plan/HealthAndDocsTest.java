package vn.campaign.plan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesEndpointsAndProblems() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/org-units'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/org-units/{id}'.get.responses.'404'.content.'application/problem+json'", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("components.securitySchemes", notNullValue());
    }

    @Test
    void metricsIncludeTheOutboxGauges() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("campaign_outbox_pending"));
    }
}
