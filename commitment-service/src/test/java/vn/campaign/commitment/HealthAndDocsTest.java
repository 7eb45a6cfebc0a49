package vn.campaign.commitment;

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
    void theOpenApiDocumentDescribesTheRosterCommitmentsAndTheirProblems() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/members'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/members/import'.post", notNullValue())
                .body("paths.'/api/v1/commitments'.post.responses.'422'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/commitments/{id}/submit'.post.responses.'412'", notNullValue())
                .body("paths.'/api/v1/commitments/missing'.get", notNullValue())
                .body("paths.'/api/v1/commitments/{id}/check-ins/{checkInId}/review'.post", notNullValue())
                .body("components.schemas.Commitment", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }
}
