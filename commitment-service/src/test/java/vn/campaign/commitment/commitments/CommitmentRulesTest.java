package vn.campaign.commitment.commitments;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;
import vn.campaign.foundation.time.CampaignDates;
import vn.campaign.localinfra.PlanEvents;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.campaign.commitment.Api.PROBLEM;
import static vn.campaign.commitment.Api.addLeader;
import static vn.campaign.commitment.Api.addMember;
import static vn.campaign.commitment.Api.approve;
import static vn.campaign.commitment.Api.approved;
import static vn.campaign.commitment.Api.as;
import static vn.campaign.commitment.Api.checkIn;
import static vn.campaign.commitment.Api.create;
import static vn.campaign.commitment.Api.created;
import static vn.campaign.commitment.Api.evaluate;
import static vn.campaign.commitment.Api.form;
import static vn.campaign.commitment.Api.leaderForm;
import static vn.campaign.commitment.Api.get;
import static vn.campaign.commitment.Api.member;
import static vn.campaign.commitment.Api.returnIt;
import static vn.campaign.commitment.Api.secretary;
import static vn.campaign.commitment.Api.selfAssess;
import static vn.campaign.commitment.Api.submit;
import static vn.campaign.commitment.Api.submitted;

/** Every rule of the form and the workflow answers bad input with a 4xx problem and changes nothing. */
@QuarkusTest
class CommitmentRulesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theTemplateMustMatchTheMembersCategory() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID party = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        UUID civil = addMember(tree.cellId(), "Công chức", "CIVIL_SERVANT");
        UUID citizen = addMember(tree.cellId(), "Công dân", "CITIZEN");

        create(member(party, tree.cellId()), form(plan, null, "FORM_2A", 1, year))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("template"))
                .body("errors[0].message", containsString("FORM_01"));
        create(member(civil, tree.cellId()), form(plan, null, "FORM_01", 1, year)).statusCode(400).body("errors.field", hasItem("template"));
        create(member(citizen, tree.cellId()), form(plan, null, "FORM_2A", 1, year)).statusCode(400).body("errors.field", hasItem("template"));
        create(member(citizen, tree.cellId()), form(plan, null, "FORM_03", 1, year)).statusCode(400).body("errors.field", hasItem("template"));
        assertEquals(0, commitmentsOf(party, civil, citizen));

        UUID partyOnly = fixtures.plan(tree, p -> p.templates("FORM_01"));
        create(member(citizen, tree.cellId()), form(partyOnly, null, "FORM_2B", 1, year))
                .statusCode(400).body("errors[0].message", containsString("does not ask for FORM_2B"));
        create(member(party, tree.cellId()), form(partyOnly, null, "FORM_01", 1, year)).statusCode(201);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubmitAnswersWithTheCommitmentAsStoredAndRecordsItInTheHistory() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID id = addLeader(tree.cellId(), "Lê Văn Nêu", "PARTY_MEMBER", "Bí thư Đoàn xã");
        String secretary = secretary(tree.cellId());
        // written by the cell for a leader (exemplary duties, two actions); the submit takes the due date the plan has then
        UUID c = created(secretary, leaderForm(plan, id, "FORM_01", year));
        LocalDate due = CampaignDates.today().plusDays(20);
        PlanEvents.plan(plan, year, tree.province()).recipientSubtree(tree.province()).revision(2)
                .window(CampaignDates.today().minusDays(30), due).actions(1, 2).amend();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                fixtures.count("select count(*) from plan_replica where plan_id in (:ids) and revision = 2", List.of(plan)) == 1);

        var first = submit(secretary, c).statusCode(200).body("dueOn", equalTo(due.toString())).body("late", equalTo(false)).extract();
        Map<String, Object> stored = get(secretary, c).statusCode(200).header("ETag", equalTo(first.header("ETag"))).extract().as(Map.class);
        assertEquals(stored, first.as(Map.class));
        assertEquals(1, stored.get("version"));
        assertEquals(1, stored.get("submissionCount"));
        assertEquals(stored.get("submittedAt"), stored.get("lastSubmittedAt"));

        returnIt(secretary, c, "Bổ sung chỉ tiêu cụ thể").statusCode(200);
        var again = submit(member(id, tree.cellId()), c).statusCode(200).extract();
        stored = get(secretary, c).statusCode(200).header("ETag", equalTo("\"3\"")).extract().as(Map.class);
        assertEquals(stored, again.as(Map.class));
        assertEquals("\"3\"", again.header("ETag"));
        assertEquals(2, stored.get("submissionCount"));
        assertEquals("Bổ sung chỉ tiêu cụ thể", stored.get("cellComment"));
        assertEquals(List.of("Việc làm cụ thể số 1", "Việc làm cụ thể số 2"),
                ((List<Map<String, Object>>) stored.get("actions")).stream().map(a -> a.get("what")).toList());

        as(secretary).when().get("/api/v1/commitments/{id}/history", c).then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "SUBMIT", "RETURN", "SUBMIT")))
                .body("items[3].fromStatus", equalTo("RETURNED")).body("items[3].toStatus", equalTo("SUBMITTED"))
                .body("items[3].actor", equalTo("member-" + id)).body("items[3].at", equalTo(stored.get("updatedAt")))
                .body("items[1].actor", equalTo("secretary-" + tree.cellId()));
        // the version the answer carried is the one If-Match needs next
        as(secretary).header("If-Match", "\"3\"").when().post("/api/v1/commitments/{id}/approve", c).then().statusCode(200);
    }

    @Test
    void theNumberOfConcreteActionsIsWithinThePlansMinimumAndMaximum() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());

        create(token, form(plan, null, "FORM_01", 0, year)).statusCode(400).body("errors.field", hasItem("actions"))
                .body("errors[0].message", containsString("1-2"));
        create(token, form(plan, null, "FORM_01", 3, year)).statusCode(400).body("errors.field", hasItem("actions"));
        create(token, form(plan, null, "FORM_01", 21, year)).statusCode(400).body("errors.field", hasItem("actions"));

        UUID twoToThree = fixtures.plan(tree, p -> p.actions(2, 3));
        create(token, form(twoToThree, null, "FORM_01", 1, year)).statusCode(400).body("errors[0].message", containsString("2-3"));
        create(token, form(twoToThree, null, "FORM_01", 3, year)).statusCode(201);
        create(token, form(plan, null, "FORM_01", 2, year)).statusCode(201);
    }

    @Test
    void everyConcreteActionHasWhatATargetAndADeadlineInTheYear() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        String token = member(addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER"), tree.cellId());

        Map<String, Object> body = form(plan, null, "FORM_01", 1, year);
        body.put("actions", List.of(Map.of("what", "Việc", "target", "", "deadline", year + "-06-30")));
        create(token, body).statusCode(400).body("errors.field", hasItem("actions[0].target"));
        body.put("actions", List.of(Map.of("what", "Việc", "target", "Chỉ tiêu", "deadline", (year + 1) + "-01-15")));
        create(token, body).statusCode(400).body("errors.field", hasItem("actions[0].deadline"));
        body.put("actions", List.of(Map.of("what", "Việc", "target", "Chỉ tiêu", "deadline", "30/06/" + year)));
        create(token, body).statusCode(400).body("errors.field", hasItem("actions[0].deadline"));
        body.put("actions", List.of(Map.of("what", "Việc", "target", "Chỉ tiêu", "deadline", year + "-02-30")));
        create(token, body).statusCode(400).contentType(PROBLEM);
        body.put("actions", "một việc");
        create(token, body).statusCode(400).body("errors.field", hasItem("actions"));
    }

    @Test
    void aLeaderMustFillTheExemplaryDuties() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID leader = addLeader(tree.cellId(), "Lãnh đạo", "CIVIL_SERVANT", "Trưởng phòng");
        create(member(leader, tree.cellId()), form(plan, null, "FORM_2A", 1, year))
                .statusCode(400).body("errors.field", hasItem("exemplaryDuties"));

        // a member who becomes a leader after writing must add them before submitting
        UUID promoted = addMember(tree.cellId(), "Sắp làm lãnh đạo", "PARTY_MEMBER");
        UUID c = created(member(promoted, tree.cellId()), form(plan, null, "FORM_01", 1, year));
        as(secretary(tree.cellId())).body(Map.of("leader", true)).when().patch("/api/v1/members/{id}", promoted).then().statusCode(200);
        submit(member(promoted, tree.cellId()), c).statusCode(400).body("errors.field", hasItem("exemplaryDuties"));
        get(member(promoted, tree.cellId()), c).body("status", equalTo("DRAFT"));
    }

    @Test
    void oneCommitmentPerMemberPlanAndYear() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        created(member(id, tree.cellId()), form(plan, null, "FORM_01", 1, year));
        create(member(id, tree.cellId()), form(plan, null, "FORM_01", 2, year)).statusCode(409).contentType(PROBLEM);
        create(secretary(tree.cellId()), form(plan, id, "FORM_01", 1, year)).statusCode(409);
        assertEquals(1, commitmentsOf(id));
    }

    @Test
    void onlyAPublishedPlanAddressedToTheMembersUnitWithAWindowTakesCommitments() {
        Fixtures.Tree tree = fixtures.tree();
        int year = Fixtures.year();
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());

        create(token, form(UUID.randomUUID(), null, "FORM_01", 1, year)).statusCode(404).contentType(PROBLEM);
        UUID forOtherCell = UUID.randomUUID();
        PlanEvents.plan(forOtherCell, year, tree.commune()).recipientSubtree(tree.otherCell())
                .window(CampaignDates.today().minusDays(1), CampaignDates.today().plusDays(5)).publish();
        fixtures.awaitPlan(forOtherCell, "PUBLISHED");
        create(token, form(forOtherCell, null, "FORM_01", 1, year)).statusCode(422).body("detail", containsString("not addressed"));

        UUID noWindow = UUID.randomUUID();
        PlanEvents.plan(noWindow, year, tree.province()).recipientSubtree(tree.province()).publish();
        fixtures.awaitPlan(noWindow, "PUBLISHED");
        create(token, form(noWindow, null, "FORM_01", 1, year)).statusCode(422).body("detail", containsString("no personal commitments"));

        UUID withdrawn = fixtures.plan(tree);
        UUID draft = created(token, form(withdrawn, null, "FORM_01", 1, year));
        PlanEvents.plan(withdrawn, year, tree.province()).recipientSubtree(tree.province()).revision(2).withdraw();
        fixtures.awaitPlan(withdrawn, "WITHDRAWN");
        submit(token, draft).statusCode(409).body("detail", containsString("WITHDRAWN"));
        UUID other = addMember(tree.cellId(), "Người khác", "PARTY_MEMBER");
        create(member(other, tree.cellId()), form(withdrawn, null, "FORM_01", 1, year)).statusCode(409);
    }

    @Test
    void submissionWaitsForTheWindowToOpen() {
        Fixtures.Tree tree = fixtures.tree();
        int year = Fixtures.year();
        UUID plan = fixtures.plan(tree, p -> p.window(CampaignDates.today().plusDays(3), CampaignDates.today().plusDays(30)));
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        UUID c = created(member(id, tree.cellId()), form(plan, null, "FORM_01", 1, year));
        submit(member(id, tree.cellId()), c).statusCode(409).body("detail", containsString("opens on"));
        get(member(id, tree.cellId()), c).body("status", equalTo("DRAFT")).body("submittedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void workflowStepsOutOfOrderAre409AndChangeNothing() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        String secretary = secretary(tree.cellId());
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());
        UUID c = created(token, form(plan, null, "FORM_01", 1, year));

        approve(secretary, c).statusCode(409).contentType(PROBLEM).body("detail", containsString("DRAFT"));
        returnIt(secretary, c, "Sửa lại").statusCode(409);
        selfAssess(token, c).statusCode(409);
        evaluate(secretary, c, 80).statusCode(409);
        checkIn(token, c, 1, year + "Q1", 10).statusCode(409);
        submit(token, c).statusCode(200);
        submit(token, c).statusCode(409);
        as(token).body(form(null, null, "FORM_01", 1, year)).when().put("/api/v1/commitments/{id}", c).then().statusCode(409);
        evaluate(secretary, c, 80).statusCode(409);
        get(token, c).statusCode(200).body("status", equalTo("SUBMITTED")).body("version", equalTo(1)).body("score", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aReturnNeedsACommentAndAnEvaluationAScoreFrom0To100() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        String secretary = secretary(tree.cellId());
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        UUID c = submitted(plan, id, tree.cellId(), "PARTY_MEMBER", year);

        returnIt(secretary, c, null).statusCode(400).body("errors.field", hasItem("comment"));
        returnIt(secretary, c, "   ").statusCode(400).body("errors.field", hasItem("comment"));
        returnIt(secretary, c, "x".repeat(2001)).statusCode(400).body("errors.field", hasItem("comment"));
        get(secretary, c).body("status", equalTo("SUBMITTED"));

        approve(secretary, c).statusCode(200);
        selfAssess(member(id, tree.cellId()), c).statusCode(200);
        for (Object bad : new Object[]{101, -1, "ninety", 90.5, null}) {
            evaluate(secretary, c, bad).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("score"));
        }
        get(secretary, c).body("status", equalTo("SELF_ASSESSED")).body("rating", org.hamcrest.Matchers.nullValue());
        evaluate(secretary, c, 90).statusCode(200).body("rating", equalTo("EXCELLENT"));
        evaluate(secretary, c, 40).statusCode(409);
    }

    @Test
    void aCheckInNamesAnActionOfTheCommitmentAPeriodOfItsYearAndAPercent() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        UUID c = approved(plan, id, tree.cellId(), "PARTY_MEMBER", year);
        String token = member(id, tree.cellId());

        checkIn(token, c, 1, year + "Q2", 101).statusCode(400).body("errors.field", hasItem("percent"));
        checkIn(token, c, 1, year + "Q2", -5).statusCode(400).body("errors.field", hasItem("percent"));
        checkIn(token, c, 2, year + "Q2", 50).statusCode(400).body("errors.field", hasItem("action"));
        checkIn(token, c, 0, year + "Q2", 50).statusCode(400).body("errors.field", hasItem("action"));
        checkIn(token, c, 1, year + "Q5", 50).statusCode(400).body("errors.field", hasItem("period"));
        checkIn(token, c, 1, (year - 1) + "Q4", 50).statusCode(400).body("errors.field", hasItem("period"));
        as(token).body(Map.of("action", 1, "period", year + "Q2", "percent", 10, "evidence", "x".repeat(2001)))
                .when().post("/api/v1/commitments/{id}/check-ins", c).then().statusCode(400).body("errors.field", hasItem("evidence"));
        as(token).when().get("/api/v1/commitments/{id}/check-ins", c).then().body("items", hasSize(0));

        UUID checkIn = UUID.fromString(checkIn(token, c, 1, year + "Q2", 40).statusCode(201).extract().path("id"));
        checkIn(token, c, 1, year + "Q2", 60).statusCode(409);
        checkIn(token, c, 1, year + "06", 60).statusCode(201);

        String review = "/api/v1/commitments/{id}/check-ins/{checkIn}/review";
        as(secretary(tree.cellId())).body(Map.of()).when().post(review, c, checkIn).then().statusCode(400).body("errors.field", hasItem("comment"));
        as(secretary(tree.cellId())).body(Map.of("praised", true)).when().post(review, c, checkIn).then().statusCode(200);
        as(secretary(tree.cellId())).body(Map.of("praised", false)).when().post(review, c, checkIn).then().statusCode(409);
        as(secretary(tree.cellId())).body(Map.of("comment", "Tốt")).when().post(review, c, UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void malformedRequestsAre400ProblemsWithTheField() {
        Fixtures.Tree tree = fixtures.tree();
        UUID plan = fixtures.plan(tree);
        int year = Fixtures.year();
        UUID id = addMember(tree.cellId(), "Đảng viên", "PARTY_MEMBER");
        String token = member(id, tree.cellId());

        as(token).body("{\"planId\": ").when().post("/api/v1/commitments").then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> body = form(plan, null, "FORM_01", 1, year);
        body.put("planId", "' or 1=1 --");
        create(token, body).statusCode(400).body("errors.field", hasItem("planId"));
        body = form(plan, null, "FORM_01", 1, year);
        body.put("studyContent", "x".repeat(4001));
        create(token, body).statusCode(400).body("errors.field", hasItem("studyContent"));
        body.put("studyContent", "Học\u0000tập");
        create(token, body).statusCode(400).body("errors.field", hasItem("studyContent"));
        body = form(plan, null, "FORM_01", 1, year);
        body.remove("selfCultivation");
        create(token, body).statusCode(400).body("errors.field", hasItem("selfCultivation"));
        String secretary = secretary(tree.cellId());
        create(secretary, form(plan, null, "FORM_01", 1, year)).statusCode(400).body("errors.field", hasItem("memberId"));
        create(secretary, form(plan, UUID.randomUUID(), "FORM_01", 1, year)).statusCode(404).contentType(PROBLEM);

        as(secretary(tree.cellId())).queryParam("status", "DONE").when().get("/api/v1/commitments")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        as(secretary(tree.cellId())).queryParam("planId", "x").when().get("/api/v1/commitments/missing")
                .then().statusCode(400).body("errors.field", hasItem("planId"));
        as(secretary(tree.cellId())).when().get("/api/v1/commitments/late")
                .then().statusCode(400).body("errors.field", hasItem("planId"));
        as(token).queryParam("updatedSince", "yesterday").when().get("/api/v1/commitments/mine")
                .then().statusCode(400).body("errors.field", hasItem("updatedSince"));
        as(token).when().get("/api/v1/commitments/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, commitmentsOf(id));
    }

    private long commitmentsOf(UUID... members) {
        return fixtures.count("select count(*) from commitment where member_id in (:ids)", List.of(members));
    }
}
