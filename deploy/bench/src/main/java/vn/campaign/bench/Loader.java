package vn.campaign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import vn.campaign.bench.BenchState.CommitmentRow;
import vn.campaign.bench.NationalDataset.Lifecycle;
import vn.campaign.bench.NationalDataset.Member;
import vn.campaign.bench.NationalDataset.Province;
import vn.campaign.bench.NationalDataset.Unit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a {@link NationalDataset} through the services' own APIs on the gateway, as clients
 * would: the tree by bulk import (plan-service), topics and plans with their cascade and
 * activities (plan-service), the roster by bulk import (commitment-service), one commitment per
 * registering member (commitment-service, written by the cell secretary), models, nominations
 * and awards (recognition-service). Every other service learns of it through the events.
 * Commitments stay DRAFT here: the submit measurement submits them, {@link #finish} takes
 * them the rest of the way.
 */
public final class Loader {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String NDJSON = "application/x-ndjson";
    private static final int MEMBER_IMPORT_ROWS = 20_000;
    private static final String[] ACTIONS = {"Hướng dẫn %d hộ dân đăng ký dịch vụ công trực tuyến", "Vận động %d hộ tham gia làm đường giao thông nông thôn",
            "Giúp đỡ %d hộ nghèo phát triển kinh tế", "Tổ chức %d buổi tuyên truyền pháp luật tại khu dân cư",
            "Trồng %d cây xanh tại tuyến đường trung tâm", "Giải quyết %d hồ sơ hành chính đúng hạn trước thời hạn"};

    private final Api api;
    private final Tokens tokens;
    private final NationalDataset data;
    private final Path stateDir;
    private final int threads;
    private double detailShare = 1.0;
    private final LocalDate today = LocalDate.now(VN);
    /** Plans are issued early in the year; activities and the commitment window follow. */
    private final LocalDate issued = LocalDate.now(VN).withDayOfYear(15);
    private final Map<String, UUID> unitIds = new ConcurrentHashMap<>();

    public Loader(Api api, Tokens tokens, NationalDataset data, Path stateDir, int threads) {
        this.api = api;
        this.tokens = tokens;
        this.data = data;
        this.stateDir = stateDir;
        this.threads = threads;
    }

    /**
     * Share of the cells (and grassroots organisations) whose activities and members' commitments
     * are loaded; the tree and the roster are always whole. Below 1 it makes a large scale
     * loadable in reasonable time over HTTP.
     */
    public Loader detailShare(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the detail share must be in (0, 1]");
        }
        this.detailShare = share;
        return this;
    }

    /** Whether a unit is in the detailed share (a stable choice by its code). */
    private boolean detailed(String code) {
        return detailShare >= 1 || Math.floorMod(code.hashCode() * 0x9E3779B1, 10_000) < detailShare * 10_000;
    }

    static void log(String format, Object... args) {
        System.out.printf("[load %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
        System.out.flush();
    }

    public BenchState load(long seed) {
        long started = System.nanoTime();
        BenchState state = new BenchState();
        state.scale = data.scale();
        state.seed = seed;
        state.probeProvince = 1; // Huế: a middle-sized province
        String admin = tokens.admin();

        // ---- the tree (plan-service bulk import, one call per province) -------------------------
        log("importing the tree: %,d units in %d provinces (scale %s)", data.totalUnits(), data.provinceCount(), data.scale());
        Unit root = data.root();
        api.expect("POST", "/api/v1/org-units/import", admin, NDJSON, ndjsonUnits(List.of(root)), 200);
        List<Province> provinces = new ArrayList<>();
        for (int i = 0; i < data.provinceCount(); i++) {
            Province p = data.province(i);
            provinces.add(p);
            JsonNode r = api.expect("POST", "/api/v1/org-units/import", admin, NDJSON, ndjsonUnits(p.units()), 200).json();
            log("  %s %s: %s", p.code(), p.name(), r);
        }
        state.units = data.totalUnits();
        resolveUnitIds(admin);
        state.rootId = id(NationalDataset.ROOT_CODE).toString();

        // ---- topics and plans ------------------------------------------------------------------
        JsonNode term = api.post("/api/v1/topics", admin, map("kind", "TERM", "title",
                "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng trong sạch, vững mạnh nhiệm kỳ 2026-2030",
                "startYear", 2026, "endYear", 2030, "ownerUnitId", state.rootId));
        JsonNode annual = api.post("/api/v1/topics", admin, map("kind", "ANNUAL", "title",
                "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường, khát vọng phát triển đất nước năm " + today.getYear(),
                "startYear", today.getYear(), "endYear", today.getYear(), "parentTopicId", term.get("id").asText(), "ownerUnitId", state.rootId));
        state.topicId = annual.get("id").asText();
        String guidance = publish(admin, plan("GUIDANCE", "66-HD/BTGDVTW", state.rootId, "Hướng dẫn học tập chuyên đề năm " + today.getYear(),
                null, List.of(map("unitId", state.rootId, "includeSubtree", true, "kinds", List.of("PARTY_COMMITTEE"))), null, state.topicId));
        state.guidanceId = guidance;
        log("topics and the national guidance published");
        int planNumber = 100;
        for (Province p : provinces) {
            BenchState.ProvinceState ps = new BenchState.ProvinceState();
            ps.index = p.index();
            ps.code = p.code();
            ps.id = id(p.code()).toString();
            // most provinces are still within their window; a few closed theirs already, so their members are late
            LocalDate due = p.index() % 8 == 3 ? today.minusDays(10) : today.plusDays(30);
            Map<String, Object> window = map("opensOn", issued.plusDays(15).toString(), "dueOn", due.toString(), "minActions", 1,
                    "maxActions", 2, "exemptCategories", List.of("EXEMPT_FROM_PARTY_ACTIVITIES", "RETIRED", "ELDERLY"));
            String symbol = p.name().contains("thành phố") ? "KH/ThU" : "KH/TU";
            ps.planId = publish(admin, plan("PLAN", (planNumber++) + "-" + symbol, ps.id,
                    "Kế hoạch thực hiện Chỉ thị 05-CT/TW và chuyên đề năm " + today.getYear() + " của " + p.name(), guidance,
                    List.of(map("unitId", ps.id, "includeSubtree", true, "kinds", List.of("PARTY_COMMITTEE", "PARTY_ORGANISATION", "PARTY_CELL"))),
                    window, state.topicId));
            api.post("/api/v1/plans/" + guidance + "/acknowledgements", admin, map("unitId", ps.id), 200);
            api.post("/api/v1/plans/" + guidance + "/implementations", admin, map("unitId", ps.id, "implementingPlanId", ps.planId), 200);
            state.provinces.add(ps);
        }
        log("%d province plans published with their commitment windows", provinces.size());
        communePlans(admin, provinces, state);

        // ---- the roster (commitment-service bulk import) ----------------------------------------
        state.members = data.totalMembers();
        log("importing the roster: %,d members", state.members);
        // the later steps look only at the members of the detailed cells: keeping every province's
        // whole roster ran the loader out of heap at 4.5 of the 5.5 million members
        Map<Integer, List<Member>> rosters = new HashMap<>();
        for (Province p : provinces) {
            List<Member> roster = data.members(p);
            rosters.put(p.index(), detailShare >= 1 ? roster : roster.stream().filter(m -> detailed(m.cellCode())).toList());
            for (int from = 0; from < roster.size(); from += MEMBER_IMPORT_ROWS) {
                String body = ndjsonMembers(roster.subList(from, Math.min(roster.size(), from + MEMBER_IMPORT_ROWS)));
                // the cells reach commitment-service through the org-unit topic: retry until they have
                api.expectRetrying("POST", "/api/v1/members/import", admin, NDJSON, body,
                        r -> r.status() == 400 && r.body().contains("is known here"), 200);
            }
            log("  %s: %,d members", p.code(), roster.size());
        }

        activities(provinces, state);

        // ---- commitments (DRAFT), written by each cell's secretary ---------------------------------
        Map<String, String[]> memberIds = memberIds(admin, provinces);
        List<CommitmentRow> rows = commitments(provinces, rosters, memberIds, state);
        Collections.shuffle(rows, new Random(seed));
        state.commitments = new ArrayList<>(rows);
        state.saveCommitments(stateDir);
        state.save(stateDir);

        recognition(provinces, rosters, memberIds, state);
        state.save(stateDir);
        log("loaded in %.0f s", (System.nanoTime() - started) / 1e9);
        return state;
    }

    // ---- plans ------------------------------------------------------------------------------------

    private Map<String, Object> plan(String type, String number, String issuer, String title, String parentPlanId,
                                     List<Map<String, Object>> recipients, Map<String, Object> window, String topicId) {
        Map<String, Object> doc = map("type", type, "number", number, "issuingUnitId", issuer, "issueDate", issued.toString(),
                "title", title, "topicId", topicId, "recipients", recipients,
                "legalBases", List.of(map("number", "05-CT/TW", "date", "2016-05-15",
                        "title", "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")),
                "sections", map("purposes", "Tạo chuyển biến mạnh mẽ về nhận thức và hành động trong cán bộ, đảng viên.",
                        "contents", "Học tập chuyên đề năm; mỗi cán bộ, đảng viên xây dựng kế hoạch cá nhân với 1-2 việc làm cụ thể.",
                        "implementation", "Các chi bộ tổ chức học tập trước thời hạn; báo cáo sơ kết 6 tháng và tổng kết năm."),
                "reportingDuties", List.of(map("periodType", "QUARTER", "daysAfterPeriodEnd", 5),
                        map("periodType", "HALF_YEAR", "daysAfterPeriodEnd", 10), map("periodType", "YEAR", "daysAfterPeriodEnd", 15)),
                "tasks", List.of(map("title", "Tổ chức học tập, quán triệt chuyên đề năm tại chi bộ", "assignedToKinds", List.of("PARTY_CELL"),
                                "deadline", today.minusDays(20).toString()),
                        map("title", "Sinh hoạt chuyên đề hằng quý", "assignedToKinds", List.of("PARTY_ORGANISATION"),
                                "recurrence", map("frequency", "QUARTERLY", "minPerYear", 2, "activityKind", "TOPICAL_MEETING"))));
        if (parentPlanId != null) {
            doc.put("parentPlanId", parentPlanId);
        }
        if (window != null) {
            doc.put("commitmentWindow", window);
        }
        return doc;
    }

    private String publish(String token, Map<String, Object> doc) {
        String id = api.post("/api/v1/plans", token, doc, 201).get("id").asText();
        api.post("/api/v1/plans/" + id + "/publish", token, null, 200);
        return id;
    }

    /** Communes acknowledge their province's plan (95 %) and most (85 %) issue their own implementing plan. */
    private void communePlans(String admin, List<Province> provinces, BenchState state) {
        List<Runnable> work = new ArrayList<>();
        for (Province p : provinces) {
            String provincePlan = state.province(p.index()).planId;
            SplittableRandom rng = new SplittableRandom(state.seed + p.index());
            int n = 1;
            for (Unit u : p.units()) {
                if (u.depth() != 3 || !u.kind().equals("PARTY_COMMITTEE")) {
                    continue;
                }
                int roll = rng.nextInt(100);
                int number = n++;
                String commune = id(u.code()).toString();
                work.add(() -> {
                    if (roll < 95) {
                        api.post("/api/v1/plans/" + provincePlan + "/acknowledgements", admin, map("unitId", commune), 200);
                    }
                    if (roll < 85) {
                        String own = publish(admin, plan("PLAN", number + "-KH/ĐU", commune, "Kế hoạch thực hiện chuyên đề năm " + today.getYear()
                                        + " của " + u.name(), provincePlan,
                                List.of(map("unitId", commune, "includeSubtree", true, "kinds", List.of("PARTY_ORGANISATION", "PARTY_CELL"))),
                                null, state.topicId));
                        api.post("/api/v1/plans/" + provincePlan + "/implementations", admin, map("unitId", commune, "implementingPlanId", own), 200);
                    }
                });
            }
        }
        parallel("commune plans and acknowledgements", work);
    }

    /** One study session per cell and two topical meetings per grassroots organisation, for the province plan. */
    private void activities(List<Province> provinces, BenchState state) {
        List<Runnable> work = new ArrayList<>();
        for (Province p : provinces) {
            String plan = state.province(p.index()).planId;
            SplittableRandom rng = new SplittableRandom(state.seed * 3 + p.index());
            for (int c = 0; c < p.cells().size(); c++) {
                if (!detailed(p.cells().get(c).code())) {
                    continue;
                }
                UUID cell = id(p.cells().get(c).code());
                int expected = p.membersPerCell()[c];
                int attended = Math.max(1, expected - rng.nextInt(Math.max(1, expected / 6 + 1)));
                LocalDate held = today.minusDays(25 + rng.nextInt(30));
                work.add(() -> api.post("/api/v1/plans/" + plan + "/activities", tokens.of("cell-secretary", cell),
                        map("unitId", cell.toString(), "kind", "STUDY_SESSION", "heldOn", held.toString(), "participantsExpected", expected,
                                "participantsAttended", attended, "notes", "Học tập chuyên đề năm " + today.getYear()), 201, 200));
            }
            for (Unit u : p.units()) {
                if (!u.kind().equals("PARTY_ORGANISATION") || !detailed(u.code())) {
                    continue;
                }
                UUID org = id(u.code());
                for (int q = 0; q < 2; q++) {
                    LocalDate held = today.withDayOfYear(1).plusMonths(3L * (q + 1)).plusDays(rng.nextInt(40));
                    if (held.isAfter(today)) {
                        held = today.minusDays(1);
                    }
                    int expected = 20 + rng.nextInt(60);
                    LocalDate on = held;
                    work.add(() -> api.post("/api/v1/plans/" + plan + "/activities", tokens.of("unit-officer", org),
                            map("unitId", org.toString(), "kind", "TOPICAL_MEETING", "heldOn", on.toString(), "participantsExpected", expected,
                                    "participantsAttended", expected - expected / 10, "notes", "Sinh hoạt chuyên đề quý"), 201, 200));
                }
            }
        }
        parallel("implementation activities", work);
    }

    // ---- commitments -------------------------------------------------------------------------------

    /** The ids of the members of the detailed cells (those that get commitments), by external reference. */
    private Map<String, String[]> memberIds(String admin, List<Province> provinces) {
        Map<String, String[]> ids = new ConcurrentHashMap<>();
        List<Runnable> work = new ArrayList<>();
        for (Province p : provinces) {
            for (Unit cell : p.cells()) {
                if (!detailed(cell.code())) {
                    continue;
                }
                UUID cellId = id(cell.code());
                work.add(() -> eachItem("/api/v1/members?unit=" + cellId, admin,
                        m -> ids.put(m.get("externalRef").asText(), new String[]{m.get("id").asText(), m.get("unitId").asText()})));
            }
        }
        parallel("reading member ids of the detailed cells", work);
        return ids;
    }

    private List<CommitmentRow> commitments(List<Province> provinces, Map<Integer, List<Member>> rosters, Map<String, String[]> memberIds,
                                            BenchState state) {
        List<CommitmentRow> rows = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> work = new ArrayList<>();
        for (Province p : provinces) {
            String plan = state.province(p.index()).planId;
            SplittableRandom rng = new SplittableRandom(state.seed * 5 + p.index());
            for (Member m : rosters.get(p.index())) {
                if (m.lifecycle() == Lifecycle.NONE || !detailed(m.cellCode())) {
                    continue;
                }
                String[] ids = memberIds.get(m.externalRef());
                if (ids == null) {
                    throw new IllegalStateException("member " + m.externalRef() + " is not on the roster read back");
                }
                Map<String, Object> body = commitmentBody(rng, plan, ids[0], m);
                UUID cell = UUID.fromString(ids[1]);
                work.add(() -> {
                    // the plan reaches commitment-service through its topic: retry until it has
                    String id = api.expectRetrying("POST", "/api/v1/commitments", tokens.of("cell-secretary", cell), "application/json",
                            Api.json(body), r -> r.status() == 404 && r.body().contains("plan"), 201).json().get("id").asText();
                    rows.add(new CommitmentRow(id, ids[0], ids[1], m.lifecycle(), m.score(), p.index()));
                });
            }
        }
        parallel("commitments (DRAFT, by the cell secretaries)", work);
        return new ArrayList<>(rows);
    }

    private Map<String, Object> commitmentBody(SplittableRandom rng, String plan, String memberId, Member m) {
        String template = switch (m.category()) {
            case "PARTY_MEMBER" -> "FORM_01";
            case "CITIZEN" -> "FORM_2B";
            default -> "FORM_2A";
        };
        int actions = 1 + rng.nextInt(2);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int a = 0; a < actions; a++) {
            int n = 2 + rng.nextInt(10);
            list.add(map("what", String.format(VietnameseNames.pick(rng, ACTIONS), n), "target", n + " trường hợp, hoàn thành 100%",
                    "deadline", LocalDate.of(today.getYear(), 12, 15).toString()));
        }
        Map<String, Object> body = map("planId", plan, "memberId", memberId, "template", template,
                "studyContent", "Học tập chuyên đề năm " + today.getYear() + ", liên hệ với nhiệm vụ được giao",
                "actions", list, "selfCultivation", "Giữ gìn phẩm chất đạo đức, lối sống giản dị, gần dân");
        if (m.leader()) {
            body.put("exemplaryDuties", "Nêu gương trong thực hiện nhiệm vụ, đi đầu trong đổi mới");
        }
        return body;
    }

    /** Everything after submission: the rest of the drafts are submitted, then approved, returned, assessed, evaluated. */
    public static void finish(Api api, Tokens tokens, BenchState state, Path stateDir, int threads) {
        Loader self = new Loader(api, tokens, null, stateDir, threads);
        List<Runnable> submits = new ArrayList<>();
        for (CommitmentRow c : state.commitments) {
            if (c.lifecycle().submitted()) {
                // 409: the submit measurement already submitted it
                submits.add(() -> api.expect("POST", "/api/v1/commitments/" + c.id() + "/submit",
                        tokens.of("cell-secretary", UUID.fromString(c.cellId())), null, null, 200, 409));
            }
        }
        self.parallel("submitting the remaining commitments", submits);
        List<Runnable> decisions = new ArrayList<>();
        for (CommitmentRow c : state.commitments) {
            String secretary = tokens.of("cell-secretary", UUID.fromString(c.cellId()));
            if (c.lifecycle() == Lifecycle.RETURNED) {
                decisions.add(() -> api.expect("POST", "/api/v1/commitments/" + c.id() + "/return", secretary, "application/json",
                        Api.json(map("comment", "Việc làm cụ thể chưa có chỉ tiêu đo được, đề nghị bổ sung")), 200));
            } else if (c.lifecycle().ordinal() >= Lifecycle.APPROVED.ordinal()) {
                decisions.add(() -> api.expect("POST", "/api/v1/commitments/" + c.id() + "/approve", secretary, "application/json",
                        Api.json(map("comment", "Đồng ý")), 200));
            }
        }
        self.parallel("approving and returning", decisions);
        List<Runnable> assessments = new ArrayList<>();
        for (CommitmentRow c : state.commitments) {
            if (c.lifecycle().ordinal() >= Lifecycle.SELF_ASSESSED.ordinal()) {
                assessments.add(() -> api.expect("POST", "/api/v1/commitments/" + c.id() + "/self-assessment",
                        tokens.member(UUID.fromString(c.memberId()), UUID.fromString(c.cellId())), "application/json",
                        Api.json(map("assessment", "Hoàn thành các việc làm đã đăng ký", "selfScore", Math.min(100, c.score() + 3))), 200));
            }
        }
        self.parallel("self-assessments (by the members)", assessments);
        List<Runnable> evaluations = new ArrayList<>();
        for (CommitmentRow c : state.commitments) {
            if (c.lifecycle() == Lifecycle.EVALUATED) {
                evaluations.add(() -> api.expect("POST", "/api/v1/commitments/" + c.id() + "/evaluation",
                        tokens.of("cell-secretary", UUID.fromString(c.cellId())), "application/json",
                        Api.json(map("score", c.score(), "comment", "Chi bộ đánh giá")), 200));
            }
        }
        self.parallel("evaluations", evaluations);
        state.finished = true;
        state.save(stateDir);
    }

    // ---- recognition ---------------------------------------------------------------------------------

    /**
     * Models (one per 25 grassroots organisations, half recognised, replicated by a few others),
     * collective nominations (5 % of grassroots organisations) and individual ones (0.3 % of
     * members), taken up and approved by the commune, and one award decision per commune.
     */
    private void recognition(List<Province> provinces, Map<Integer, List<Member>> rosters, Map<String, String[]> memberIds, BenchState state) {
        String admin = tokens.admin();
        AtomicLong models = new AtomicLong();
        AtomicLong nominations = new AtomicLong();
        AtomicLong awards = new AtomicLong();
        List<Runnable> work = new ArrayList<>();
        for (Province p : provinces) {
            SplittableRandom rng = new SplittableRandom(state.seed * 11 + p.index());
            Map<String, List<Unit>> orgsByCommune = new LinkedHashMap<>();
            for (Unit u : p.units()) {
                if (u.kind().equals("PARTY_ORGANISATION")) {
                    orgsByCommune.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
                }
            }
            Map<String, List<Member>> excellentByCommune = new HashMap<>();
            for (Member m : rosters.get(p.index())) {
                if (m.lifecycle() == Lifecycle.EVALUATED && m.score() >= 90 && detailed(m.cellCode()) && rng.nextInt(1000) < 60) {
                    String commune = m.cellCode().substring(0, m.cellCode().indexOf("-C"));
                    excellentByCommune.computeIfAbsent(commune, k -> new ArrayList<>()).add(m);
                }
            }
            for (Map.Entry<String, List<Unit>> e : orgsByCommune.entrySet()) {
                UUID commune = id(e.getKey());
                List<Unit> orgs = e.getValue();
                List<String[]> collective = new ArrayList<>();
                for (Unit org : orgs) {
                    if (rng.nextInt(100) < 5) {
                        collective.add(new String[]{id(org.code()).toString(), org.name()});
                    }
                    if (rng.nextInt(25) == 0) {
                        boolean recognised = rng.nextBoolean();
                        int replications = recognised ? rng.nextInt(4) : 0;
                        List<UUID> others = new ArrayList<>();
                        for (int r = 0; r < replications; r++) {
                            others.add(id(orgs.get(rng.nextInt(orgs.size())).code()));
                        }
                        UUID owner = id(org.code());
                        String field = VietnameseNames.pick(rng, new String[]{"dân vận", "kinh tế", "an sinh xã hội", "cải cách hành chính", "môi trường"});
                        work.add(() -> {
                            String model = api.post("/api/v1/models", tokens.of("unit-officer", owner), map("name", "Mô hình \"" + field + " khéo\" của " + org.name(),
                                    "ownerUnitId", owner.toString(), "field", field, "description", "Cách làm hay được nhân dân đồng tình",
                                    "startedOn", today.minusMonths(8).toString(), "results", "Huy động được sự tham gia của nhân dân"), 201).get("id").asText();
                            models.incrementAndGet();
                            if (recognised) {
                                api.post("/api/v1/models/" + model + "/recognise", admin, map("year", today.getYear()), 200);
                                for (UUID other : others) {
                                    if (!other.equals(owner)) {
                                        api.expect("POST", "/api/v1/models/" + model + "/replications", tokens.of("unit-officer", other), "application/json",
                                                Api.json(map("unitId", other.toString(), "replicatedOn", today.minusDays(30).toString())), 200, 201, 409);
                                    }
                                }
                            }
                        });
                    }
                }
                List<String[]> individual = new ArrayList<>();
                for (Member m : excellentByCommune.getOrDefault(e.getKey(), List.of())) {
                    individual.add(new String[]{memberIds.get(m.externalRef())[0], m.fullName()});
                }
                if (collective.isEmpty() && individual.isEmpty()) {
                    continue;
                }
                long decision = awards.incrementAndGet() + 100;
                work.add(() -> {
                    String officer = tokens.of("unit-officer", commune);
                    List<String> approved = new ArrayList<>();
                    for (String[] c : collective) {
                        approved.add(nominate(officer, admin, "COLLECTIVE", c[0], commune, state, "Tập thể hoàn thành xuất sắc nhiệm vụ, " + c[1]));
                    }
                    for (String[] m : individual) {
                        approved.add(nominate(officer, admin, "MEMBER", m[0], commune, state, "Hoàn thành xuất sắc cam kết năm " + today.getYear()));
                    }
                    nominations.addAndGet(approved.size());
                    String award = api.post("/api/v1/awards", admin, map("decisionNumber", decision + "/QĐ-ĐU", "decidedOn", today.minusDays(2).toString(),
                            "grantingUnitId", commune.toString(), "form", "CERTIFICATE", "nominationIds", approved), 201).get("id").asText();
                    api.post("/api/v1/awards/" + award + "/publish", admin, null, 200);
                });
            }
        }
        parallel("models, nominations and awards", work);
        log("recognition: %d models, %d nominations approved, %d award decisions", models.get(), nominations.get(), awards.get());
    }

    private String nominate(String officer, String admin, String type, String nominee, UUID commune, BenchState state, String achievements) {
        // the nominee reaches recognition-service through the events: retry until it has
        String id = api.expectRetrying("POST", "/api/v1/nominations", officer, "application/json",
                Api.json(map("nomineeType", type, "nomineeId", nominee, "proposingUnitId", commune.toString(), "year", today.getYear(),
                        "topicId", state.topicId, "achievements", achievements, "form", "CERTIFICATE", "kind", "REGULAR")),
                r -> r.status() == 404 || r.status() == 422 || r.status() == 400 && r.body().contains("is known here"), 201)
                .json().get("id").asText();
        api.post("/api/v1/nominations/" + id + "/submit", officer, null, 200);
        api.post("/api/v1/nominations/" + id + "/review", admin, null, 200);
        api.post("/api/v1/nominations/" + id + "/approve", admin, map("note", "Đồng ý đề nghị"), 200);
        return id;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private void resolveUnitIds(String admin) {
        JsonNode found = api.get("/api/v1/org-units?q=" + NationalDataset.ROOT_CODE, admin);
        String rootId = null;
        for (JsonNode u : found.get("items")) {
            if (u.get("code").asText().equals(NationalDataset.ROOT_CODE)) {
                rootId = u.get("id").asText();
            }
        }
        if (rootId == null) {
            throw new IllegalStateException("the root unit " + NationalDataset.ROOT_CODE + " was not found after the import");
        }
        unitIds.put(NationalDataset.ROOT_CODE, UUID.fromString(rootId));
        // each province's subtree apart: a page of a subtree sorts the whole subtree (about 0.8 s a
        // page for the national one, 315,000 units; a province's takes a few milliseconds)
        List<JsonNode> provinces = new ArrayList<>();
        eachItem("/api/v1/org-units/" + rootId + "/children", admin, provinces::add);
        List<Runnable> work = new ArrayList<>();
        for (JsonNode province : provinces) {
            unitIds.put(province.get("code").asText(), UUID.fromString(province.get("id").asText()));
            work.add(() -> eachItem("/api/v1/org-units/" + province.get("id").asText() + "/subtree", admin,
                    u -> unitIds.put(u.get("code").asText(), UUID.fromString(u.get("id").asText()))));
        }
        parallel("reading unit ids", work);
        log("resolved %,d unit ids", unitIds.size());
    }

    /** Every item of a paginated list ({@code path} without a query string, or with one), page by page. */
    private void eachItem(String path, String token, java.util.function.Consumer<JsonNode> item) {
        String base = path + (path.contains("?") ? "&" : "?") + "limit=200";
        String cursor = null;
        do {
            JsonNode page = api.get(base + (cursor == null ? "" : "&cursor=" + enc(cursor)), token);
            page.get("items").forEach(item);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
    }

    private UUID id(String code) {
        UUID id = unitIds.get(code);
        if (id == null) {
            throw new IllegalStateException("no id for unit " + code);
        }
        return id;
    }

    private static String ndjsonUnits(List<Unit> units) {
        StringBuilder sb = new StringBuilder();
        for (Unit u : units) {
            Map<String, Object> row = map("code", u.code(), "name", u.name(), "kind", u.kind(), "validFrom", "2025-07-01");
            if (u.parentCode() != null) {
                row.put("parentCode", u.parentCode());
            }
            sb.append(Api.json(row)).append('\n');
        }
        return sb.toString();
    }

    private static String ndjsonMembers(List<Member> members) {
        StringBuilder sb = new StringBuilder();
        for (Member m : members) {
            Map<String, Object> row = map("externalRef", m.externalRef(), "fullName", m.fullName(), "unitCode", m.cellCode(),
                    "category", m.category(), "leader", m.leader());
            if (m.positionTitle() != null) {
                row.put("positionTitle", m.positionTitle());
            }
            if (m.exemption() != null) {
                row.put("exemption", m.exemption());
                row.put("exemptionReason", m.exemptionReason());
            }
            sb.append(Api.json(row)).append('\n');
        }
        return sb.toString();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Runs the tasks on {@code threads} threads, logging progress; the first failure stops the load. */
    void parallel(String what, List<Runnable> work) {
        if (work.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, work.size() / 10);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable r : work) {
                futures.add(pool.submit(() -> {
                    r.run();
                    long d = done.incrementAndGet();
                    if (d % step == 0) {
                        log("  %s: %,d / %,d", what, d, work.size());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - started) / 1e9;
        log("%s: %,d requests in %.1f s (%.0f/s)", what, work.size(), s, work.size() / s);
    }
}
