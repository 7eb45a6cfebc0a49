package vn.campaign.commitment;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import vn.campaign.localinfra.DevTokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens and calls of the API as clients make them, for the tests. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    // --- tokens

    public static String secretary(UUID unit) {
        return "Bearer " + DevTokens.mint("secretary-" + unit, unit, null, List.of("cell-secretary"));
    }

    /** A member's token: the {@code member} claim names them. */
    public static String member(UUID memberId, UUID unit) {
        return "Bearer " + DevTokens.mint("member-" + memberId, unit, memberId, List.of("member"));
    }

    public static String role(String role, UUID unit) {
        return DevTokens.bearer(role, unit);
    }

    public static String admin() {
        return DevTokens.bearer("admin", null);
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    // --- roster

    public static Map<String, Object> newMember(UUID unit, String name, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalRef", "DV-" + UUID.randomUUID().toString().substring(0, 13));
        body.put("fullName", name);
        body.put("unitId", unit.toString());
        body.put("category", category);
        return body;
    }

    public static UUID addMember(String token, Map<String, Object> body) {
        return UUID.fromString(as(token).body(body).when().post("/api/v1/members").then().statusCode(201).extract().path("id"));
    }

    public static UUID addMember(UUID unit, String name, String category) {
        return addMember(secretary(unit), newMember(unit, name, category));
    }

    public static UUID addLeader(UUID unit, String name, String category, String title) {
        Map<String, Object> body = newMember(unit, name, category);
        body.put("leader", true);
        body.put("positionTitle", title);
        return addMember(secretary(unit), body);
    }

    // --- commitments

    public static String template(String category) {
        return switch (category) {
            case "PARTY_MEMBER" -> "FORM_01";
            case "CITIZEN" -> "FORM_2B";
            default -> "FORM_2A";
        };
    }

    /** A complete form with {@code actions} concrete actions due within {@code year}. */
    public static Map<String, Object> form(UUID planId, UUID memberId, String template, int actions, int year) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (planId != null) {
            body.put("planId", planId.toString());
        }
        if (memberId != null) {
            body.put("memberId", memberId.toString());
        }
        body.put("template", template);
        body.put("studyContent", "Học tập chuyên đề năm " + year + " về phong cách làm việc dân chủ, khoa học");
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= actions; i++) {
            list.add(Map.of("what", "Việc làm cụ thể số " + i, "target", "Hoàn thành " + (i * 5) + " hồ sơ đúng hạn",
                    "deadline", LocalDate.of(year, 11, 30).toString()));
        }
        body.put("actions", list);
        body.put("selfCultivation", "Giữ gìn phẩm chất, đạo đức, lối sống giản dị, gần dân");
        return body;
    }

    public static Map<String, Object> leaderForm(UUID planId, UUID memberId, String template, int year) {
        Map<String, Object> body = form(planId, memberId, template, 2, year);
        body.put("exemplaryDuties", "Nêu gương trong tiếp dân, giải quyết đơn thư đúng hạn");
        return body;
    }

    public static ValidatableResponse create(String token, Map<String, Object> form) {
        return as(token).body(form).when().post("/api/v1/commitments").then();
    }

    public static UUID created(String token, Map<String, Object> form) {
        return UUID.fromString(create(token, form).statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse get(String token, UUID commitment) {
        return as(token).when().get("/api/v1/commitments/{id}", commitment).then();
    }

    public static ValidatableResponse submit(String token, UUID commitment) {
        return as(token).when().post("/api/v1/commitments/{id}/submit", commitment).then();
    }

    public static ValidatableResponse approve(String token, UUID commitment) {
        return as(token).when().post("/api/v1/commitments/{id}/approve", commitment).then();
    }

    public static ValidatableResponse returnIt(String token, UUID commitment, String comment) {
        return as(token).body(comment == null ? Map.of() : Map.of("comment", comment))
                .when().post("/api/v1/commitments/{id}/return", commitment).then();
    }

    public static ValidatableResponse selfAssess(String token, UUID commitment) {
        return as(token).body(Map.of("assessment", "Hoàn thành các việc làm đã đăng ký", "selfScore", 85))
                .when().post("/api/v1/commitments/{id}/self-assessment", commitment).then();
    }

    public static ValidatableResponse evaluate(String token, UUID commitment, Object score) {
        Map<String, Object> body = new HashMap<>();
        body.put("score", score);
        body.put("comment", "Chi bộ đánh giá cuối năm");
        return as(token).body(body).when().post("/api/v1/commitments/{id}/evaluation", commitment).then();
    }

    public static ValidatableResponse checkIn(String token, UUID commitment, int action, String period, int percent) {
        return as(token).body(Map.of("action", action, "period", period, "percent", percent, "evidence", "Biên bản sinh hoạt chi bộ"))
                .when().post("/api/v1/commitments/{id}/check-ins", commitment).then();
    }

    /** Creates and submits a commitment as the member; returns its id. */
    public static UUID submitted(UUID planId, UUID memberId, UUID unit, String category, int year) {
        UUID id = created(member(memberId, unit), form(planId, null, template(category), 1, year));
        submit(member(memberId, unit), id).statusCode(200);
        return id;
    }

    /** A commitment taken through to APPROVED. */
    public static UUID approved(UUID planId, UUID memberId, UUID unit, String category, int year) {
        UUID id = submitted(planId, memberId, unit, category, year);
        approve(secretary(unit), id).statusCode(200);
        return id;
    }
}
