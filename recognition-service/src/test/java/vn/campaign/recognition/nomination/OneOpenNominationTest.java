package vn.campaign.recognition.nomination;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.CommitmentEvents;
import vn.campaign.recognition.support.Tree;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.campaign.recognition.nomination.RecognitionScenarioTest.nomination;
import static vn.campaign.recognition.support.Tree.token;

/** One open nomination per nominee, form and year: in the service, and in the database as well; creation retries are idempotent. */
@QuarkusTest
class OneOpenNominationTest {

    @Inject
    EntityManager em;

    @Test
    void aRetriedCreationReturnsTheFirstNominationAndTheDatabaseRefusesASecondOpenOne() {
        Tree tree = new Tree();
        List<UUID> province = tree.unit(List.of(), "Đảng bộ tỉnh Cần Thơ", "PARTY_COMMITTEE");
        List<UUID> ward = tree.unit(province, "Đảng bộ phường Ninh Kiều", "PARTY_COMMITTEE");
        tree.awaitReplica();
        UUID member = UUID.randomUUID();
        CommitmentEvents.member(member, "Lý Thị Mai", ward, 0);
        String officer = token("unit-officer", ward);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", officer).when().get("/api/v1/nominations/nominees/MEMBER/{id}", member).then().statusCode(200));

        var body = nomination("MEMBER", member, ward, "CERTIFICATE", List.of());
        Response first = given().header("Authorization", officer).header("Idempotency-Key", "mai-2026").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/nominations");
        first.then().statusCode(201);
        String id = first.path("id");
        given().header("Authorization", officer).header("Idempotency-Key", "mai-2026").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/nominations").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        // bypassing the service: the partial unique index still refuses a second open nomination
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("""
                                insert into nomination (id, nominee_type, nominee_id, nominee_name, nominee_unit_id, nominee_path,
                                    proposing_unit_id, proposing_path, year, achievements, form, kind, status, current_unit_id, current_path,
                                    version, created_at, created_by, updated_at, updated_by)
                                select gen_random_uuid(), nominee_type, nominee_id, nominee_name, nominee_unit_id, nominee_path,
                                    proposing_unit_id, proposing_path, year, achievements, form, kind, 'SUBMITTED', current_unit_id, current_path,
                                    0, now(), 'test', now(), 'test' from nomination where id = cast(?1 as uuid)""")
                        .setParameter(1, id).executeUpdate()));
        assertTrue(String.valueOf(vn.campaign.foundation.web.Exceptions.sqlState(refused)).equals("23505"), refused.toString());
        long open = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from nomination where nominee_id = ?1").setParameter(1, member).getSingleResult()).longValue());
        assertEquals(1, open);
    }
}
