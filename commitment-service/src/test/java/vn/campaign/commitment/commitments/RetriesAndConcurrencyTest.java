package vn.campaign.commitment.commitments;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.campaign.commitment.Api.PROBLEM;
import static vn.campaign.commitment.Api.addMember;
import static vn.campaign.commitment.Api.approve;
import static vn.campaign.commitment.Api.approved;
import static vn.campaign.commitment.Api.as;
import static vn.campaign.commitment.Api.created;
import static vn.campaign.commitment.Api.form;
import static vn.campaign.commitment.Api.get;
import static vn.campaign.commitment.Api.member;
import static vn.campaign.commitment.Api.newMember;
import static vn.campaign.commitment.Api.secretary;

/** Mobile clients retry: Idempotency-Key makes a retry return the first result; If-Match stops lost updates. */
@QuarkusTest
class RetriesAndConcurrencyTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aRetriedCreationReturnsTheFirstCommitmentAndMakesNoSecond() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());
        Map<String, Object> body = form(plan, null, "FORM_01", 1, Fixtures.year());
        String key = UUID.randomUUID().toString();

        String first = as(token).header("Idempotency-Key", key).body(body).when().post("/api/v1/commitments")
                .then().statusCode(201).extract().path("id");
        as(token).header("Idempotency-Key", key).body(body).when().post("/api/v1/commitments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", containsString(first))
                .body("id", equalTo(first));
        as(token).header("Idempotency-Key", key).body(form(plan, null, "FORM_01", 2, Fixtures.year()))
                .when().post("/api/v1/commitments").then().statusCode(422).contentType(PROBLEM);
        assertEquals(1, fixtures.count("select count(*) from commitment where member_id in (:ids)", List.of(id)));
        // one creation, one event: wait until the relay has sent it, then there is still just one
        await().atMost(Duration.ofSeconds(60)).until(() -> published(first) >= 1);
        assertEquals(1, published(first));
    }

    @Test
    void aRetriedSubmitReturnsTheFirstResultAndSubmitsOnce() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());
        UUID c = created(token, form(plan, null, "FORM_01", 1, Fixtures.year()));
        String key = UUID.randomUUID().toString();

        as(token).header("Idempotency-Key", key).when().post("/api/v1/commitments/{id}/submit", c)
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("submissionCount", equalTo(1));
        as(token).header("Idempotency-Key", key).when().post("/api/v1/commitments/{id}/submit", c)
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("submissionCount", equalTo(1));
        as(token).when().post("/api/v1/commitments/{id}/submit", c).then().statusCode(409);
        as(token).when().get("/api/v1/commitments/{id}/history", c).then().body("items.action", equalTo(List.of("CREATE", "SUBMIT")));
    }

    @Test
    void aRetriedMemberCreationAndCheckInAreIdempotentToo() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        String secretary = secretary(tree.cellId());
        Map<String, Object> body = newMember(tree.cellId(), "Thử lại", "PARTY_MEMBER");
        String key = UUID.randomUUID().toString();
        String first = as(secretary).header("Idempotency-Key", key).body(body).when().post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
        as(secretary).header("Idempotency-Key", key).body(body).when().post("/api/v1/members")
                .then().statusCode(201).body("id", equalTo(first)).header("Idempotent-Replayed", "true");

        UUID id = UUID.fromString(first);
        UUID c = approved(plan, id, tree.cellId(), "PARTY_MEMBER", Fixtures.year());
        Map<String, Object> checkIn = Map.of("action", 1, "period", Fixtures.year() + "Q3", "percent", 25);
        String checkInKey = UUID.randomUUID().toString();
        String checkInId = as(member(id, tree.cellId())).header("Idempotency-Key", checkInKey).body(checkIn)
                .when().post("/api/v1/commitments/{id}/check-ins", c).then().statusCode(201).extract().path("id");
        as(member(id, tree.cellId())).header("Idempotency-Key", checkInKey).body(checkIn)
                .when().post("/api/v1/commitments/{id}/check-ins", c).then().statusCode(201).body("id", equalTo(checkInId));
        as(member(id, tree.cellId())).when().get("/api/v1/commitments/{id}/check-ins", c).then().body("items", hasSize(1));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());
        UUID c = created(token, form(plan, null, "FORM_01", 1, Fixtures.year()));
        String etag = get(token, c).statusCode(200).header("ETag", equalTo("\"0\"")).extract().header("ETag");

        // the secretary corrects the draft on the phone meanwhile
        as(secretary(tree.cellId())).header("If-Match", etag).body(form(null, null, "FORM_01", 2, Fixtures.year()))
                .when().put("/api/v1/commitments/{id}", c).then().statusCode(200).header("ETag", equalTo("\"1\""));
        as(token).header("If-Match", etag).body(form(null, null, "FORM_01", 1, Fixtures.year()))
                .when().put("/api/v1/commitments/{id}", c).then().statusCode(412).contentType(PROBLEM);
        as(token).header("If-Match", etag).when().post("/api/v1/commitments/{id}/submit", c).then().statusCode(412);
        get(token, c).body("actions", hasSize(2)).body("status", equalTo("DRAFT")).body("version", equalTo(1));

        as(token).header("If-Match", "\"1\"").when().post("/api/v1/commitments/{id}/submit", c).then().statusCode(200);
        as(secretary(tree.cellId())).header("If-Match", "\"1\"").when().post("/api/v1/commitments/{id}/approve", c).then().statusCode(412);
        approve(secretary(tree.cellId()), c).statusCode(200);
    }

    private static long published(String key) {
        return vn.campaign.localinfra.TestTopics.readAll("campaign.commitments.v1").stream()
                .filter(r -> key.equals(r.key()) && "commitment.created.v1".equals(vn.campaign.localinfra.TestTopics.header(r, "ce_type")))
                .count();
    }
}
