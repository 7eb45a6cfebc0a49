package vn.campaign.e2e;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.campaign.localinfra.DevTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole system as a client sees it: the stack of {@code deploy/stack} (embedded PostgreSQL,
 * Kafka, the four packaged services and the nginx gateway) on ports shifted by
 * {@value #PORT_OFFSET}, so that it runs beside a developer's own stack. Every shifted port stays
 * below Linux's ephemeral range (32768 and up): there the kernel hands ports to outgoing
 * connections, and the test harnesses of the other modules pick free ones, so a port of the stack
 * could be taken when it starts (Kafka then fails with "Address already in use").
 */
class GatewayEndToEndIT {

    private static final int PORT_OFFSET = 12000;
    private static final int GATEWAY_PORT = 8080 + PORT_OFFSET;
    private static final Map<String, Integer> REPLICA_PORTS = replicaPorts();
    private static final String GATEWAY = "http://127.0.0.1:" + GATEWAY_PORT;

    private static final String CHILD_NAME = "Xã Đồng Hòa";
    private static final String ROOT_NAME = "Tỉnh Thử Nghiệm";

    private static Path repoRoot;
    private static Path stackDir;
    private static Tree tree;

    /** A root unit and one child created through the gateway, shared by the tests. */
    private record Tree(String rootId, String rootCode, String childId, String childCode) {
    }

    @BeforeAll
    static void startStack() throws Exception {
        repoRoot = repoRoot();
        stackDir = repoRoot.resolve("deploy/e2e/target/e2e-stack");
        RestAssured.config = RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8))
                .decoderConfig(DecoderConfig.decoderConfig().defaultContentCharset(StandardCharsets.UTF_8));
        // A previous run that was killed may have left its stack behind in the same directory.
        stack("down");
        deleteRecursively(stackDir); // a fresh stack each run: data of an older build must not linger
        StackRun up = stack("up", "--no-build");
        if (up.exitCode() != 0) {
            fail("deploy/stack up --no-build failed with exit code " + up.exitCode() + ":\n" + up.output());
        }
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (repoRoot == null) {
            return;
        }
        StackRun down = stack("down");
        assertEquals(0, down.exitCode(), () -> "deploy/stack down failed:\n" + down.output());
        // nothing the stack started may survive it: no JVM, postgres, broker or nginx of this stack directory
        String marker = stackDir.toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(),
                ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                        .toList(),
                "processes left behind by deploy/stack down"));
    }

    // (a) ------------------------------------------------------------------------------------------

    @Test
    void unitsCreatedThroughTheGatewayReachEveryServiceWithinTenSeconds() {
        Tree units = tree();
        String admin = adminToken();

        given().spec(gateway(admin)).get("/api/v1/org-units/" + units.childId())
                .then().statusCode(200)
                .body("code", equalTo(units.childCode()))
                .body("name", equalTo(CHILD_NAME));

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .untilAsserted(() -> REPLICA_PORTS.forEach((service, port) -> {
                    try {
                        given().baseUri("http://127.0.0.1").port(port)
                                .header("Authorization", "Bearer " + admin)
                                .accept(ContentType.JSON)
                                .get("/internal/org-units/" + units.childId())
                                .then().statusCode(200)
                                .body("code", equalTo(units.childCode()))
                                .body("name", equalTo(CHILD_NAME));
                    } catch (AssertionError e) {
                        throw new AssertionError(service + " (port " + port + "): " + e.getMessage(), e);
                    }
                }));
    }

    // (b) ------------------------------------------------------------------------------------------

    @Test
    void aCallWithoutATokenIsUnauthorized() {
        given().baseUri(GATEWAY).accept(ContentType.JSON)
                .get("/api/v1/org-units/" + tree().rootId())
                .then().statusCode(401);
    }

    // (c) ------------------------------------------------------------------------------------------

    @Test
    void anOfficerOfAnotherSubtreeIsForbidden() {
        String otherRootId = createUnit(adminToken(), "E2E-PROV-" + suffix(), "Tỉnh Đối Chứng", "PARTY_COMMITTEE", null);
        String otherOfficer = officerToken(otherRootId);

        given().spec(gateway(otherOfficer)).get("/api/v1/org-units/" + tree().childId())
                .then().statusCode(403);
    }

    // (d) ------------------------------------------------------------------------------------------

    @Test
    void identityHeadersSentByTheClientAreIgnored() {
        Tree units = tree();
        Map<String, String> spoofed = new LinkedHashMap<>();
        spoofed.put("X-Roles", "admin");
        spoofed.put("X-User", "admin");
        spoofed.put("X-User-Id", "admin");
        spoofed.put("X-Unit", units.rootId());
        spoofed.put("X-Member", UUID.randomUUID().toString());
        spoofed.put("X-Authenticated-User", "admin");
        spoofed.put("X-Authenticated-Roles", "admin");
        spoofed.put("X-Real-IP", "10.0.0.1");
        spoofed.put("X-Forwarded-For", "10.0.0.1");

        given().baseUri(GATEWAY).headers(spoofed).accept(ContentType.JSON)
                .get("/api/v1/org-units/" + units.rootId())
                .then().statusCode(401);

        String otherRootId = createUnit(adminToken(), "E2E-PROV-" + suffix(), "Tỉnh Giả Mạo", "PARTY_COMMITTEE", null);
        given().spec(gateway(officerToken(otherRootId))).headers(spoofed)
                .get("/api/v1/org-units/" + units.childId())
                .then().statusCode(403);
    }

    @Test
    void aSaneRequestIdIsPassedBackAndAnyOtherIsReplaced() {
        String requestId = "e2e-" + UUID.randomUUID();
        given().spec(gateway(adminToken())).header("X-Request-Id", requestId)
                .get("/api/v1/org-units/" + tree().rootId())
                .then().statusCode(200)
                .header("X-Request-Id", equalTo(requestId));

        given().spec(gateway(adminToken())).header("X-Request-Id", "not a \"sane\" id")
                .get("/api/v1/org-units/" + tree().rootId())
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));

        // Errors nginx answers itself carry an id as well, and are problem details.
        given().baseUri(GATEWAY).header("X-Request-Id", requestId)
                .get("/api/v1/no-such-resource")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", equalTo(requestId))
                .body("status", equalTo(404))
                .body("requestId", equalTo(requestId));
    }

    @Test
    void serviceInternalsAreNotExposedByTheGateway() {
        String admin = adminToken();
        for (String path : List.of("/internal/org-units/" + tree().childId(), "/q/health/ready", "/q/metrics",
                "/q/openapi", "/api/v1/org-units/../../../internal/org-units/" + tree().childId())) {
            given().spec(gateway(admin)).urlEncodingEnabled(false).get(path)
                    .then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    // (e) ------------------------------------------------------------------------------------------

    @Test
    void theGatewayServesTheDocsAndTheFourOpenApiDocuments() {
        given().baseUri(GATEWAY).get("/health").then().statusCode(200);

        given().baseUri(GATEWAY).get("/docs/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("swagger-ui"));

        for (String service : List.of("plan", "commitment", "recognition", "reporting")) {
            given().baseUri(GATEWAY).get("/openapi/" + service)
                    .then().statusCode(200)
                    .contentType(containsString("json"))
                    .body("openapi", notNullValue());
        }
    }

    // ---- fixture ---------------------------------------------------------------------------------

    /**
     * The services working together through their events: a province's plan reaches a cell,
     * a member of the cell commits to it, and progress praised at the cell meeting becomes a
     * recorded commendation in recognition-service, with nobody re-entering anything.
     */
    @Test
    void aPlanReachesAMemberWhosePraisedProgressBecomesACommendation() {
        Tree units = tree();
        String officer = officerToken(units.rootId());
        String cell = createUnit(officer, "E2E-CB-" + suffix(), "Chi bộ ấp Đông Hòa", "PARTY_CELL", units.childId());
        String plan = given().spec(gateway(officer)).contentType(ContentType.JSON).body("""
                {"type":"PLAN","number":"E2E-%s/KH","issuingUnitId":"%s","issueDate":"2026-01-10",
                 "title":"Kế hoạch học tập và làm theo năm 2026","recipients":[{"unitId":"%s","includeSubtree":true}],
                 "commitmentWindow":{"opensOn":"2026-01-10","dueOn":"2026-12-31"}}""".formatted(suffix(), units.rootId(), units.rootId()))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().spec(gateway(officer)).post("/api/v1/plans/{id}/publish", plan).then().statusCode(200);

        String secretary = DevTokens.mint("e2e-secretary", UUID.fromString(cell), null, List.of("cell-secretary"));
        // the new cell reaches commitment-service through campaign.org-units.v1 (until then it is unknown there: 404)
        String memberBody = """
                {"externalRef":"E2E-%s","fullName":"Trần Thị Hoa","unitId":"%s","category":"PARTY_MEMBER"}""".formatted(suffix(), cell);
        String member = await().atMost(Duration.ofSeconds(20)).until(() -> given().spec(gateway(secretary))
                .contentType(ContentType.JSON).body(memberBody).post("/api/v1/members"), r -> r.statusCode() == 201).path("id");
        String memberToken = DevTokens.mint("e2e-member", UUID.fromString(cell), UUID.fromString(member), List.of("member"));

        // the plan reaches commitment-service through campaign.plans.v1
        String commitment = await().atMost(Duration.ofSeconds(20)).until(() -> given().spec(gateway(memberToken))
                .contentType(ContentType.JSON).body("""
                        {"planId":"%s","template":"FORM_01","studyContent":"Chuyên đề năm 2026",
                         "actions":[{"what":"Giúp 5 hộ dân làm dịch vụ công trực tuyến","target":"5 hộ","deadline":"2026-12-30"}],
                         "selfCultivation":"Giữ gìn lối sống giản dị"}""".formatted(plan))
                .post("/api/v1/commitments"), r -> r.statusCode() == 201).path("id");
        given().spec(gateway(memberToken)).post("/api/v1/commitments/{id}/submit", commitment).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().spec(gateway(secretary)).contentType(ContentType.JSON).body("{\"comment\":\"Đồng ý\"}")
                .post("/api/v1/commitments/{id}/approve", commitment).then().statusCode(200);
        String checkIn = given().spec(gateway(memberToken)).contentType(ContentType.JSON)
                .body("{\"action\":1,\"period\":\"2026Q4\",\"percent\":80,\"evidence\":\"Đã giúp 4 hộ\"}")
                .post("/api/v1/commitments/{id}/check-ins", commitment).then().statusCode(201).extract().path("id");
        given().spec(gateway(secretary)).contentType(ContentType.JSON)
                .body("{\"comment\":\"Biểu dương tại sinh hoạt chi bộ\",\"praised\":true}")
                .post("/api/v1/commitments/{id}/check-ins/{checkIn}/review", commitment, checkIn).then().statusCode(200);

        // the praise reaches recognition-service through campaign.commitments.v1
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().spec(gateway(secretary)).queryParam("unit", cell)
                .get("/api/v1/awards").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].form", equalTo("PRAISE_AT_MEETING"))
                .body("items[0].recipients[0].name", equalTo("Trần Thị Hoa")));
    }

    /**
     * SPEC 9, a service stopped mid-load: reporting-service is stopped while it applies the events
     * of a roster import and started again; its dashboard then counts every member exactly once.
     * (While a service stops, its consumers still run after its database layer has closed; those
     * failures must not send the events to the dead-letter topic.)
     */
    @Test
    void reportingStoppedWhileItAppliesAnImportCountsEveryMemberOnceAfterItsRestart() throws Exception {
        Tree units = tree();
        String officer = officerToken(units.rootId());
        String cell = createUnit(officer, "E2E-CB-" + suffix(), "Chi bộ ấp Tân Lập", "PARTY_CELL", units.childId());
        int members = 8000;
        String batch = suffix();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < members; i++) {
            rows.append(json(Map.of("externalRef", "E2E-" + batch + "-" + i, "fullName", "Lê Văn Tâm " + i,
                    "unitId", cell, "category", "PARTY_MEMBER"))).append('\n');
        }
        // the new cell reaches commitment-service through campaign.org-units.v1 (until then: 400, not known there)
        await().atMost(Duration.ofSeconds(20)).until(() -> given().spec(gateway(officer)).contentType("application/x-ndjson")
                .body(rows.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/members/import").statusCode(), status -> status == 200);

        Path pidFile = stackDir.resolve("run/reporting-service.pid");
        ProcessHandle reporting = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
        reporting.destroy();
        reporting.onExit().get(60, TimeUnit.SECONDS);
        StackRun up = stack("up", "--no-build");
        assertEquals(0, up.exitCode(), () -> "deploy/stack up --no-build after stopping reporting-service:\n" + up.output());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().spec(gateway(officer)).queryParam("period", "current").get("/api/v1/dashboards/units/{id}", cell)
                        .then().statusCode(200).body("figures.'members.total'", equalTo(members)));
        // and it stays there for a while: nothing is counted twice once the redelivered events are applied
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().spec(gateway(officer)).queryParam("period", "current").get("/api/v1/dashboards/units/{id}", cell)
                        .then().statusCode(200).body("figures.'members.total'", equalTo(members)));
    }

    private static synchronized Tree tree() {
        if (tree == null) {
            String rootCode = "E2E-PROV-" + suffix();
            String rootId = createUnit(adminToken(), rootCode, ROOT_NAME, "PARTY_COMMITTEE", null);
            // The child is created by the root's own officer: the unit-officer manages its subtree.
            String childCode = "E2E-XA-" + suffix();
            String childId = createUnit(officerToken(rootId), childCode, CHILD_NAME, "PARTY_COMMITTEE", rootId);
            tree = new Tree(rootId, rootCode, childId, childCode);
        }
        return tree;
    }

    private static String createUnit(String token, String code, String name, String kind, String parentId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        Response response = given().spec(gateway(token))
                .contentType(ContentType.JSON)
                .body(json(body))
                .post("/api/v1/org-units");
        response.then().statusCode(201).body("id", notNullValue());
        String id = response.path("id");
        UUID.fromString(id); // must be a UUID
        return id;
    }

    private static RequestSpecification gateway(String token) {
        return given().baseUri(GATEWAY)
                .header("Authorization", "Bearer " + token)
                .accept(ContentType.JSON);
    }

    private static String adminToken() {
        return DevTokens.mint("e2e-admin", null, null, List.of("admin"));
    }

    private static String officerToken(String unitId) {
        return DevTokens.mint("e2e-officer-" + unitId, UUID.fromString(unitId), null, List.of("unit-officer"));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A flat JSON object of strings (this module has no JSON binding library on purpose). */
    private static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(key)).append(':').append(quote(value));
        });
        return out.append('}').toString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, Integer> replicaPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("commitment-service", 8082 + PORT_OFFSET);
        ports.put("recognition-service", 8083 + PORT_OFFSET);
        ports.put("reporting-service", 8084 + PORT_OFFSET);
        return ports;
    }

    // ---- the stack script ------------------------------------------------------------------------

    private record StackRun(int exitCode, String output) {
    }

    /** Runs deploy/stack with this test's offset and stack directory; output goes to a file (no pipe to drain). */
    private static StackRun stack(String... args) throws IOException, InterruptedException {
        Files.createDirectories(stackDir.getParent());
        Path log = stackDir.getParent().resolve("e2e-stack-" + args[0] + ".log");
        List<String> command = new ArrayList<>(List.of("bash", repoRoot.resolve("deploy/stack").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("CAMPAIGN_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        builder.environment().put("CAMPAIGN_STACK_DIR", stackDir.toString());
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            return new StackRun(-1, "timed out after 10 minutes\n" + Files.readString(log));
        }
        return new StackRun(process.exitValue(), Files.readString(log));
    }

    private static Path repoRoot() {
        String configured = System.getProperty("campaign.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Started from an IDE: walk up from the working directory to the checkout.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root: set -Dcampaign.repo.root");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
