package vn.campaign.commitment.commitments;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;
import vn.campaign.localinfra.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.campaign.commitment.Api.PROBLEM;
import static vn.campaign.commitment.Api.addMember;
import static vn.campaign.commitment.Api.approve;
import static vn.campaign.commitment.Api.approved;
import static vn.campaign.commitment.Api.as;
import static vn.campaign.commitment.Api.checkIn;
import static vn.campaign.commitment.Api.create;
import static vn.campaign.commitment.Api.created;
import static vn.campaign.commitment.Api.evaluate;
import static vn.campaign.commitment.Api.form;
import static vn.campaign.commitment.Api.get;
import static vn.campaign.commitment.Api.member;
import static vn.campaign.commitment.Api.returnIt;
import static vn.campaign.commitment.Api.role;
import static vn.campaign.commitment.Api.secretary;
import static vn.campaign.commitment.Api.selfAssess;
import static vn.campaign.commitment.Api.submit;
import static vn.campaign.commitment.Api.submitted;

/** Who may do what: the member (by the token's member claim) and the cell secretary of the member's subtree. */
@QuarkusTest
class AccessRulesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aMemberCannotApproveReturnOrEvaluate() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());
        UUID c = submitted(plan, id, tree.cellId(), "PARTY_MEMBER", Fixtures.year());

        approve(token, c).statusCode(403).contentType(PROBLEM);
        returnIt(token, c, "tự trả").statusCode(403);
        // even with the secretary's role, nobody takes the cell's steps on their own commitment
        String secretaryAndMember = "Bearer " + DevTokens.mint("secretary-member-" + id, tree.cellId(), id, List.of("member", "cell-secretary"));
        approve(secretaryAndMember, c).statusCode(403).contentType(PROBLEM);
        get(token, c).body("status", equalTo("SUBMITTED"));

        approve(secretary(tree.cellId()), c).statusCode(200);
        selfAssess(token, c).statusCode(200);
        evaluate(token, c, 100).statusCode(403);
        get(token, c).body("status", equalTo("SELF_ASSESSED"));
    }

    @Test
    void theCellCannotCheckInOrAssessForTheMember() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        UUID c = approved(plan, id, tree.cellId(), "PARTY_MEMBER", Fixtures.year());
        checkIn(secretary(tree.cellId()), c, 1, Fixtures.year() + "Q3", 30).statusCode(403);
        selfAssess(secretary(tree.cellId()), c).statusCode(403);
    }

    @Test
    void aSecretaryOfAnotherCellCannotReadOrAct() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        UUID c = submitted(plan, id, tree.cellId(), "PARTY_MEMBER", Fixtures.year());
        String neighbour = secretary(tree.otherCellId());

        get(neighbour, c).statusCode(403).contentType(PROBLEM);
        approve(neighbour, c).statusCode(403);
        as(neighbour).when().get("/api/v1/commitments/{id}/history", c).then().statusCode(403);
        as(neighbour).when().get("/api/v1/commitments/{id}/check-ins", c).then().statusCode(403);
        as(neighbour).queryParam("unit", tree.cellId()).when().get("/api/v1/commitments").then().statusCode(403);
        as(neighbour).queryParam("unit", tree.cellId()).queryParam("planId", plan).when().get("/api/v1/commitments/missing").then().statusCode(403);
        as(neighbour).queryParam("planId", plan).when().get("/api/v1/commitments").then().statusCode(200).body("items", hasSize(0));
        as(neighbour).queryParam("planId", plan).when().get("/api/v1/commitments/missing").then().statusCode(200).body("items", hasSize(0));
        create(neighbour, form(plan, id, "FORM_01", 1, Fixtures.year())).statusCode(403);
        get(secretary(tree.farCellId()), c).statusCode(403);
        get(secretary(tree.cellId()), c).statusCode(200);
    }

    @Test
    void theCommuneSeesItsCellsAndItsSecretaryMayActOnThem() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        UUID c = submitted(plan, id, tree.cellId(), "PARTY_MEMBER", Fixtures.year());

        as(secretary(tree.communeId())).queryParam("planId", plan).when().get("/api/v1/commitments").then()
                .statusCode(200).body("items.id", equalTo(List.of(c.toString())));
        as(role("unit-officer", tree.provinceId())).when().get("/api/v1/commitments/{id}", c).then().statusCode(200);
        approve(role("unit-officer", tree.provinceId()), c).statusCode(403);
        as(role("commendation-council", tree.provinceId())).when().get("/api/v1/commitments/{id}", c).then().statusCode(200);
        get(role("viewer", tree.provinceId()), c).statusCode(403);
        as(role("viewer", tree.provinceId())).when().get("/api/v1/commitments").then().statusCode(403);
        approve(secretary(tree.communeId()), c).statusCode(200);
    }

    @Test
    void membersReadOnlyTheirOwnCommitments() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID mine = addMember(tree.cellId(), "Tôi", "PARTY_MEMBER");
        UUID theirs = addMember(tree.cellId(), "Người khác", "PARTY_MEMBER");
        UUID c = created(member(theirs, tree.cellId()), form(plan, null, "FORM_01", 1, Fixtures.year()));
        String token = member(mine, tree.cellId());

        get(token, c).statusCode(403).contentType(PROBLEM);
        submit(token, c).statusCode(403);
        as(token).body(form(null, null, "FORM_01", 1, Fixtures.year())).when().put("/api/v1/commitments/{id}", c).then().statusCode(403);
        as(token).when().get("/api/v1/commitments").then().statusCode(403);
        create(token, form(plan, theirs, "FORM_01", 1, Fixtures.year())).statusCode(403);
        as(token).when().get("/api/v1/commitments/mine").then().statusCode(200).body("items", hasSize(0));
        given().when().get("/api/v1/commitments/{id}", c).then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer not.a.token").when().get("/api/v1/commitments/mine").then().statusCode(401);
    }

    @Test
    void aSecretaryWritesAndSubmitsOnAMembersBehalfAndItIsRecorded() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Người cao tuổi", "CITIZEN");
        String secretary = secretary(tree.cellId());
        UUID c = created(secretary, form(plan, id, "FORM_2B", 1, Fixtures.year()));

        get(member(id, tree.cellId()), c).statusCode(200).body("onBehalf", equalTo(true))
                .body("onBehalfBy", equalTo("secretary-" + tree.cellId())).body("createdBy", equalTo("secretary-" + tree.cellId()))
                .body("memberId", equalTo(id.toString()));
        submit(secretary, c).statusCode(200);
        as(secretary).when().get("/api/v1/commitments/{id}/history", c).then()
                .body("items[0].comment", equalTo("written by the cell on the member's behalf"))
                .body("items[1].actor", equalTo("secretary-" + tree.cellId()));
        approve(secretary, c).statusCode(200);
    }

    @Test
    void aMovedMembersNewCellTakesOverTheirCommitment() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        UUID id = addMember(tree.cellId(), "Chuyển sinh hoạt", "PARTY_MEMBER");
        UUID c = submitted(plan, id, tree.cellId(), "PARTY_MEMBER", Fixtures.year());
        as(secretary(tree.communeId())).body(Map.of("unitId", tree.otherCellId().toString()))
                .when().post("/api/v1/members/{id}/move", id).then().statusCode(200);
        approve(secretary(tree.otherCellId()), c).statusCode(200);
        get(secretary(tree.cellId()), c).statusCode(200).body("unitId", equalTo(tree.cellId().toString()));
    }
}
