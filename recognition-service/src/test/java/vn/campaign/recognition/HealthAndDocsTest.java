package vn.campaign.recognition;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesTheRecognitionEndpointsAndProblems() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/nominations'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/nominations/{id}/forward'.post.responses.'409'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/awards'.post", notNullValue())
                .body("paths.'/api/v1/models/{id}/replications'.get", notNullValue())
                .body("paths.'/api/v1/public/awards'.get.responses.'304'", notNullValue())
                .body("components.schemas.NominationRequest", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }
}
