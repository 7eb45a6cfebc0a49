package vn.campaign.commitment.commitments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.Fixtures;
import vn.campaign.localinfra.TestClock;
import vn.campaign.foundation.time.CampaignDates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.campaign.commitment.Api.approve;
import static vn.campaign.commitment.Api.as;
import static vn.campaign.commitment.Api.checkIn;
import static vn.campaign.commitment.Api.created;
import static vn.campaign.commitment.Api.evaluate;
import static vn.campaign.commitment.Api.form;
import static vn.campaign.commitment.Api.leaderForm;
import static vn.campaign.commitment.Api.member;
import static vn.campaign.commitment.Api.returnIt;
import static vn.campaign.commitment.Api.secretary;
import static vn.campaign.commitment.Api.selfAssess;
import static vn.campaign.commitment.Api.submit;
import static vn.campaign.commitment.Api.template;

/**
 * A party cell of twelve through one campaign year: one retired and exempt, one leader, two
 * members who are not in the party (form 2A) and one citizen (form 2B); nine submit on time, one
 * late, one never; one is returned and resubmitted; check-ins for a quarter; the year-end
 * evaluation. The secretary's views must name exactly the right people at every point.
 */
@QuarkusTest
class CellOfTwelveTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCellOfTwelveRunsThroughTheYearAndTheSecretarySeesExactlyTheRightPeople() {
        Fixtures.Tree tree = fixtures.tree();
        UUID cell = tree.cellId();
        int year = Fixtures.year();
        UUID plan = fixtures.plan(tree);
        String secretary = secretary(cell);

        // the roster
        Map<String, UUID> people = new LinkedHashMap<>();
        Map<String, String> categories = new HashMap<>();
        Map<String, Object> retired = vn.campaign.commitment.Api.newMember(cell, "Trần Văn Hưu", "PARTY_MEMBER");
        retired.put("exemption", "RETIRED");
        retired.put("exemptionReason", "Đảng viên nghỉ hưu, được miễn sinh hoạt từ năm 2023");
        people.put("retired", vn.campaign.commitment.Api.addMember(secretary, retired));
        people.put("leader", vn.campaign.commitment.Api.addLeader(cell, "Lê Văn Lãnh", "PARTY_MEMBER", "Chủ tịch UBND xã"));
        categories.put("leader", "PARTY_MEMBER");
        add(people, categories, cell, "civilServant", "Phạm Thị Công", "CIVIL_SERVANT");
        add(people, categories, cell, "unionMember", "Võ Văn Đoàn", "UNION_MEMBER");
        add(people, categories, cell, "citizen", "Huỳnh Thị Dân", "CITIZEN");
        for (int i = 1; i <= 5; i++) {
            add(people, categories, cell, "party" + i, "Nguyễn Văn Đảng " + i, "PARTY_MEMBER");
        }
        add(people, categories, cell, "late", "Đỗ Thị Muộn", "PARTY_MEMBER");
        add(people, categories, cell, "never", "Bùi Văn Chưa", "PARTY_MEMBER");
        assertEquals(12, people.size());
        as(secretary).queryParam("unit", cell).when().get("/api/v1/members").then().statusCode(200).body("items", hasSize(12));

        Set<UUID> expected = new HashSet<>(people.values());
        expected.remove(people.get("retired"));
        assertEquals(expected, missing(secretary, plan, cell).keySet(), "everyone but the exempt member is expected");

        // nine write and submit on time; the citizen's form is written and submitted by the secretary on her behalf
        List<String> onTime = List.of("leader", "civilServant", "unionMember", "citizen", "party1", "party2", "party3", "party4", "party5");
        Map<String, UUID> commitments = new LinkedHashMap<>();
        for (String who : onTime) {
            UUID id = people.get(who);
            if (who.equals("citizen")) {
                UUID c = created(secretary, form(plan, id, "FORM_2B", 1, year));
                as(secretary).when().get("/api/v1/commitments/{id}", c).then().body("onBehalf", equalTo(true))
                        .body("onBehalfBy", equalTo("secretary-" + cell));
                submit(secretary, c).statusCode(200);
                commitments.put(who, c);
                continue;
            }
            String token = member(id, cell);
            UUID c = created(token, who.equals("leader") ? leaderForm(plan, null, "FORM_01", year)
                    : form(plan, null, template(categories.get(who)), 1 + (commitments.size() % 2), year));
            submit(token, c).statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(false));
            commitments.put(who, c);
        }
        as(member(people.get("late"), cell)).body(form(plan, null, "FORM_01", 1, year)).when().post("/api/v1/commitments")
                .then().statusCode(201); // written on time, submitted late below

        assertEquals(Set.of(people.get("late"), people.get("never")), missing(secretary, plan, cell).keySet());
        assertEquals(Set.of("NOT_SUBMITTED"), new HashSet<>(missing(secretary, plan, cell).values()));
        assertEquals(Map.of(), late(secretary, plan, cell), "nobody is late before the due date");

        // one is returned with a comment, corrected and resubmitted
        UUID returned = commitments.get("party3");
        returnIt(secretary, returned, "Việc làm cụ thể cần có chỉ tiêu đo được").statusCode(200).body("status", equalTo("RETURNED"));
        String partyToken = member(people.get("party3"), cell);
        String etag = as(partyToken).when().get("/api/v1/commitments/{id}", returned).then().extract().header("ETag");
        Map<String, Object> corrected = form(null, null, "FORM_01", 2, year);
        as(partyToken).header("If-Match", etag).body(corrected).when().put("/api/v1/commitments/{id}", returned)
                .then().statusCode(200).body("actions", hasSize(2));
        submit(partyToken, returned).statusCode(200).body("status", equalTo("SUBMITTED")).body("submissionCount", equalTo(2))
                .body("late", equalTo(false));
        as(secretary).when().get("/api/v1/commitments/{id}/history", returned).then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "SUBMIT", "RETURN", "EDIT", "SUBMIT")))
                .body("items[2].comment", equalTo("Việc làm cụ thể cần có chỉ tiêu đo được"));

        for (UUID c : commitments.values()) {
            approve(secretary, c).statusCode(200).body("status", equalTo("APPROVED"));
        }

        // the due date passes: the late one submits and is marked late; the one who never submits is overdue
        clock.moveTo(CampaignDates.endOf(CampaignDates.today().plusDays(7)).plus(Duration.ofHours(3)));
        String lateToken = member(people.get("late"), cell);
        UUID lateCommitment = UUID.fromString(as(lateToken).when().get("/api/v1/commitments/mine").then().statusCode(200)
                .extract().path("items[0].commitment.id"));
        submit(lateToken, lateCommitment).statusCode(200).body("late", equalTo(true));
        approve(secretary, lateCommitment).statusCode(200);
        commitments.put("late", lateCommitment);

        assertEquals(Map.of(people.get("never"), "OVERDUE"), missing(secretary, plan, cell));
        assertEquals(Map.of(people.get("late"), "SUBMITTED_LATE", people.get("never"), "OVERDUE"), late(secretary, plan, cell));
        assertEquals(Set.copyOf(commitments.values()), ids(as(secretary).queryParam("unit", cell).queryParam("planId", plan)
                .queryParam("status", "APPROVED").queryParam("limit", 200).when().get("/api/v1/commitments")));
        assertEquals(Set.of(lateCommitment), ids(as(secretary).queryParam("planId", plan).queryParam("late", true)
                .when().get("/api/v1/commitments")));
        as(secretary).queryParam("planId", plan).when().get("/api/v1/commitments/counts").then().statusCode(200)
                .body("counts.APPROVED", equalTo(10)).body("counts.SUBMITTED", equalTo(0)).body("counts.DRAFT", equalTo(0));

        // check-ins for the second quarter; the cell comments on one and praises the leader at its meeting
        String quarter = year + "Q2";
        Map<String, UUID> checkIns = new HashMap<>();
        commitments.forEach((who, c) -> checkIns.put(who, UUID.fromString(checkIn(member(people.get(who), cell), c, 1, quarter, 50 + who.length())
                .statusCode(201).extract().path("id"))));
        UUID leaderCommitment = commitments.get("leader");
        as(secretary).body(Map.of("comment", "Tiếp dân đúng lịch, được nhân dân ghi nhận", "praised", true))
                .when().post("/api/v1/commitments/{id}/check-ins/{checkIn}/review", leaderCommitment, checkIns.get("leader"))
                .then().statusCode(200).body("praised", equalTo(true)).body("praisedBy", equalTo("secretary-" + cell));
        as(member(people.get("leader"), cell)).when().get("/api/v1/commitments/{id}/check-ins", leaderCommitment)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].cellComment", equalTo("Tiếp dân đúng lịch, được nhân dân ghi nhận"));

        // year end: every member assesses themselves, the cell scores them and the rating follows
        int[] scores = {95, 90, 89, 70, 69, 50, 49, 0, 100, 75};
        String[] ratings = {"EXCELLENT", "EXCELLENT", "GOOD", "GOOD", "COMPLETED", "COMPLETED", "NOT_COMPLETED", "NOT_COMPLETED", "EXCELLENT", "GOOD"};
        List<String> order = new ArrayList<>(commitments.keySet());
        for (int i = 0; i < order.size(); i++) {
            UUID c = commitments.get(order.get(i));
            selfAssess(member(people.get(order.get(i)), cell), c).statusCode(200).body("status", equalTo("SELF_ASSESSED"));
            evaluate(secretary, c, scores[i]).statusCode(200).body("status", equalTo("EVALUATED"))
                    .body("score", equalTo(scores[i])).body("rating", equalTo(ratings[i]));
        }
        as(secretary).queryParam("planId", plan).when().get("/api/v1/commitments/counts").then()
                .body("counts.EVALUATED", equalTo(10)).body("counts.APPROVED", equalTo(0));
        assertEquals(Map.of(people.get("never"), "OVERDUE"), missing(secretary, plan, cell), "the year ends with one who never wrote");
    }

    private static void add(Map<String, UUID> people, Map<String, String> categories, UUID cell, String key, String name, String category) {
        people.put(key, vn.campaign.commitment.Api.addMember(cell, name, category));
        categories.put(key, category);
    }

    /** The secretary's "expected but not submitted" view: member id to standing. */
    private static Map<UUID, String> missing(String token, UUID plan, UUID unit) {
        return standings(as(token).queryParam("planId", plan).queryParam("unit", unit).queryParam("limit", 200)
                .when().get("/api/v1/commitments/missing"));
    }

    private static Map<UUID, String> late(String token, UUID plan, UUID unit) {
        return standings(as(token).queryParam("planId", plan).queryParam("unit", unit).queryParam("limit", 200)
                .when().get("/api/v1/commitments/late"));
    }

    private static Map<UUID, String> standings(Response response) {
        response.then().statusCode(200);
        List<String> ids = response.path("items.memberId");
        List<String> standings = response.path("items.standing");
        Map<UUID, String> result = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            result.put(UUID.fromString(ids.get(i)), standings.get(i));
        }
        return result;
    }

    private static Set<UUID> ids(Response response) {
        response.then().statusCode(200);
        List<String> ids = response.path("items.id");
        Set<UUID> result = new HashSet<>();
        ids.forEach(id -> result.add(UUID.fromString(id)));
        return result;
    }
}
