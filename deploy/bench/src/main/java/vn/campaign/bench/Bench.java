package vn.campaign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's steps, one subcommand each, run in order by deploy/bench/run:
 * {@code load}, {@code http-baseline}, {@code submits}, {@code finish}, {@code dashboard},
 * {@code rebuild}, {@code restarts}, {@code report}. Each adds its figures to the results file.
 */
public final class Bench {

    static final List<String> SERVICES = List.of("plan", "commitment", "recognition", "reporting");
    static final String SUBMITTED = "commitments.submitted";

    private final Map<String, String> opts;
    private final Api api;
    private final Tokens tokens = new Tokens();
    private final Path stackDir;
    private final Path stateDir;
    private final Results results;
    private final Duration duration;

    Bench(Map<String, String> opts) {
        this.opts = opts;
        this.api = new Api(opt("gateway"));
        this.stackDir = Path.of(opt("stack-dir"));
        this.stateDir = stackDir.resolve("bench");
        this.results = new Results(Path.of(opt("results")));
        this.duration = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "20")));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench load|http-baseline|submits|finish|dashboard|rebuild|restarts|report --option value ...");
            System.exit(2);
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options come as --name value; got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        if (args[0].equals("report")) {
            Report.print(opts);
            return;
        }
        Bench bench = new Bench(opts);
        switch (args[0]) {
            case "load" -> bench.load();
            case "http-baseline" -> bench.httpBaseline();
            case "submits" -> bench.submits();
            case "finish" -> bench.finish();
            case "dashboard" -> bench.dashboard();
            case "rebuild" -> bench.rebuild();
            case "restarts" -> bench.restarts();
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
        bench.results.save();
        System.exit(0); // the HTTP client's threads are not daemons
    }

    private String opt(String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
        System.out.flush();
    }

    // ---- data ---------------------------------------------------------------------------------------

    void load() {
        double scale = Double.parseDouble(opt("scale"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "2026"));
        NationalDataset data = new NationalDataset(scale, seed);
        double share = Double.parseDouble(opts.getOrDefault("detail-share", "1"));
        BenchState state = new Loader(api, tokens, data, stateDir, Integer.parseInt(opts.getOrDefault("threads", "8")))
                .detailShare(share).load(seed);
        results.put("data.scale", scale).put("data.detailShare", share).put("data.units", state.units).put("data.members", state.members)
                .put("data.commitments", state.commitments.size());
    }

    void finish() {
        BenchState state = BenchState.load(stateDir);
        if (state.finished) {
            log("the commitment lifecycle was applied already");
            return;
        }
        Loader.finish(api, tokens, state, stateDir, Integer.parseInt(opts.getOrDefault("threads", "8")));
    }

    // ---- baselines ------------------------------------------------------------------------------------

    /** The gateway's own /health (nginx answers it without a service) at a constant rate. */
    void httpBaseline() {
        double rate = Double.parseDouble(opts.getOrDefault("rate", "1000"));
        HttpRequest health = HttpRequest.newBuilder(URI.create(api.base() + "/health")).GET().build();
        ConstantRateLoad.run(api.client(), rate, Duration.ofSeconds(5), i -> health, s -> s == 200, Duration.ofSeconds(10)); // warm-up
        ConstantRateLoad.Result r = ConstantRateLoad.run(api.client(), rate, duration, i -> health, s -> s == 200, Duration.ofSeconds(10));
        log("gateway /health: %s", r.summary());
        results.put("health.rate", rate).put("health.p50", r.p(50)).put("health.p99", r.p(99)).put("health.errors", r.errors());
    }

    // ---- submits, freshness, memory ---------------------------------------------------------------------

    void submits() throws Exception {
        BenchState state = BenchState.load(stateDir);
        List<BenchState.CommitmentRow> pool = state.pool();
        List<BenchState.CommitmentRow> probes = state.probes();
        if (state.finished) {
            throw new IllegalStateException("every commitment of this data set has been submitted already; reload it (deploy/bench/run --fresh)");
        }
        List<Double> rates = new ArrayList<>();
        for (String r : opts.getOrDefault("rates", "100,200,300,400,600,800,1000,1200").split(",")) {
            rates.add(Double.parseDouble(r.trim()));
        }
        log("pool: %,d DRAFT commitments left of %,d; freshness probes: %,d left in province %s",
                pool.size() - state.poolUsed, pool.size(), probes.size() - state.probesUsed, state.province(state.probeProvince).code);
        // tokens minted before the clock starts: signing is not part of what is measured
        Map<String, String> auth = new HashMap<>();
        for (int i = state.poolUsed; i < pool.size(); i++) {
            auth.computeIfAbsent(pool.get(i).cellId(), cell -> "Bearer " + tokens.of("cell-secretary", UUID.fromString(cell)));
        }
        AtomicInteger next = new AtomicInteger(state.poolUsed);
        java.util.function.IntFunction<HttpRequest> source = i -> {
            int k = next.getAndIncrement();
            if (k >= pool.size()) {
                return null;
            }
            BenchState.CommitmentRow c = pool.get(k);
            return HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/commitments/" + c.id() + "/submit"))
                    .header("Authorization", auth.get(c.cellId())).POST(HttpRequest.BodyPublishers.noBody()).build();
        };
        Duration timeout = Duration.ofSeconds(10);
        settle(state);
        // the services' JIT compilers need a few thousand requests before the code they run settles
        log("warm-up: 100/s for 30 s");
        log("  %s", ConstantRateLoad.run(api.client(), 100, Duration.ofSeconds(30), source, s -> s == 200, timeout).summary());
        state.poolUsed = Math.min(next.get(), pool.size());
        state.save(stateDir);
        Thread.sleep(3000);

        BenchState.ProvinceState probeProvince = state.province(state.probeProvince);
        Freshness freshness = new Freshness(api, tokens, probeProvince, probes, state.probesUsed);
        Map<String, Long> pids = ProcSampler.servicePids(stackDir, SERVICES);
        GcPauses gc = new GcPauses(api.client(), servicePorts());
        Map<String, ProcSampler.Rss> maxRss = new LinkedHashMap<>();
        SERVICES.forEach(s -> maxRss.put(s, ProcSampler.Rss.NONE));
        StringBuilder steps = new StringBuilder();
        double sustained = 0;
        double sustainedP99 = Double.NaN;
        Histogram sustainedFreshness = null;
        double sustainedCpu = Double.NaN;
        Histogram lastFreshness = null;
        double lastRate = 0;
        for (double rate : rates) {
            ConstantRateLoad.Result r;
            Histogram fresh;
            double busy;
            Map<String, Double> cores;
            Map<String, Double> jit;
            String fullGcs;
            try (ProcSampler sampler = new ProcSampler(pids, stackDir.toString())) {
                Map<String, GcPauses.Major> gcBefore = gc.read();
                freshness.start();
                r = ConstantRateLoad.run(api.client(), rate, duration, source, s -> s == 200, timeout);
                fresh = freshness.stop();
                fullGcs = GcPauses.describe(gcBefore, gc.read());
                busy = sampler.machineBusy();
                cores = sampler.serviceCores();
                jit = sampler.serviceJitCores();
                cores.putAll(sampler.otherCores());
                sampler.close();
                sampler.maxRss().forEach((s, rss) -> maxRss.merge(s, rss, ProcSampler.Rss::max));
            }
            state.poolUsed = Math.min(next.get(), pool.size());
            state.probesUsed = freshness.used();
            state.save(stateDir);
            boolean pass = r.clean() && r.p(99) <= 100;
            log("submits %s -> %s", r.summary(), pass ? "sustained" : "NOT sustained");
            log("  freshness: %d probes, p50 %.0f ms, p99 %.0f ms; machine CPU busy %.0f%%; service cores %s; full GCs %s",
                    fresh.getTotalCount(), ms(fresh, 50), ms(fresh, 99), busy * 100, fmt(cores, jit), fullGcs);
            steps.append(String.format(java.util.Locale.ROOT, "| %.0f | %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %d | %.0f | %.0f | %.0f%% | %s | %s |\n",
                    rate, r.sent(), r.errors(), r.achievedRate(), r.p(50), r.p(99), r.p(99.9), r.exhausted() ? "pool exhausted" : pass ? "yes" : "no",
                    fresh.getTotalCount(), ms(fresh, 50), ms(fresh, 99), busy * 100, fmt(cores, jit), fullGcs));
            lastFreshness = fresh;
            lastRate = rate;
            if (pass) {
                sustained = rate;
                sustainedP99 = r.p(99);
                sustainedFreshness = fresh;
                sustainedCpu = busy;
            }
            // past the latency target the steps go on while the stack still keeps up (no errors,
            // p99 under a second), which shows its capacity and how latency grows towards it
            if (!r.clean() || r.p(99) > 1000) {
                break;
            }
            Thread.sleep(5000); // let the pipeline drain so the next step starts clean
        }
        results.put("submit.sustained", sustained).put("submit.sustained.p99", sustainedP99).put("submit.steps", steps.toString())
                .put("submit.cpu", sustainedCpu);
        Histogram f = sustainedFreshness != null ? sustainedFreshness : lastFreshness;
        results.put("freshness.rate", sustainedFreshness != null ? sustained : lastRate).put("freshness.samples", f.getTotalCount())
                .put("freshness.p50", ms(f, 50)).put("freshness.p99", ms(f, 99));
        maxRss.forEach((s, rss) -> results.put("rss." + s, rss.totalKb() / 1024.0)
                .put("rss." + s + ".anon", rss.anonKb() / 1024.0).put("rss." + s + ".file", rss.fileKb() / 1024.0));
    }

    /**
     * Waits until the event pipeline has caught up with the load: the national dashboard counts
     * every member and commitment loaded, and the services stay (nearly) idle for a few seconds.
     * Measuring while consumers still work through the load's backlog would measure the backlog.
     */
    void settle(BenchState state) throws InterruptedException {
        String period = String.valueOf(LocalDate.now(Loader.VN).getYear());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        long t0 = System.nanoTime();
        Map<String, Long> pids = ProcSampler.servicePids(stackDir, SERVICES);
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            JsonNode f = api.get("/api/v1/dashboards/units/" + state.rootId + "?period=" + period, tokens.admin()).path("figures");
            boolean counted = f.path("members.total").asLong() == state.members && f.path("commitments.total").asLong() == state.commitments.size();
            double busy;
            try (ProcSampler sampler = new ProcSampler(pids, stackDir.toString())) {
                Thread.sleep(2000);
                busy = sampler.serviceCores().values().stream().mapToDouble(Double::doubleValue).sum();
            }
            quiet = counted && busy < 0.15 ? quiet + 1 : 0;
            if (quiet >= 2) {
                log("the pipeline has caught up (%.0f s): the dashboard counts %,d members and %,d commitments, services idle",
                        (System.nanoTime() - t0) / 1e9, state.members, state.commitments.size());
                return;
            }
            log("waiting for the pipeline: dashboard members %,d/%,d, commitments %,d/%,d, services busy %.2f cores",
                    f.path("members.total").asLong(), state.members, f.path("commitments.total").asLong(), state.commitments.size(), busy);
        }
        throw new IllegalStateException("the event pipeline did not catch up within 20 minutes");
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Cores by process, with the share of a service's JIT compiler threads beside it where there is one. */
    static String fmt(Map<String, Double> cores, Map<String, Double> jit) {
        StringBuilder sb = new StringBuilder();
        cores.forEach((k, v) -> {
            sb.append(sb.length() == 0 ? "" : " ").append(k).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", v));
            double compiling = jit.getOrDefault(k, 0.0);
            if (compiling >= 0.005) {
                sb.append(String.format(java.util.Locale.ROOT, " (JIT %.2f)", compiling));
            }
        });
        return sb.toString();
    }

    /**
     * Submit-to-dashboard freshness: one commitment at a time in a province nothing else touches,
     * the province dashboard read before, then polled every 10 ms until its submitted count
     * includes it; the time from sending the submit to the first read that shows it.
     */
    static final class Freshness {
        private final Api api;
        private final String viewer;
        private final BenchState.ProvinceState province;
        private final List<BenchState.CommitmentRow> probes;
        private final Tokens tokens;
        private final String period = String.valueOf(LocalDate.now(Loader.VN).getYear());
        private volatile int used;
        private volatile boolean running;
        private Thread thread;
        private Histogram histogram;

        Freshness(Api api, Tokens tokens, BenchState.ProvinceState province, List<BenchState.CommitmentRow> probes, int used) {
            this.api = api;
            this.tokens = tokens;
            this.viewer = tokens.of("viewer", UUID.fromString(province.id));
            this.province = province;
            this.probes = probes;
            this.used = used;
        }

        int used() {
            return used;
        }

        void start() {
            histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            running = true;
            thread = new Thread(this::loop, "freshness");
            thread.start();
        }

        Histogram stop() throws InterruptedException {
            running = false;
            thread.join(TimeUnit.SECONDS.toMillis(90));
            return histogram;
        }

        private long submitted() {
            JsonNode figures = api.get("/api/v1/dashboards/units/" + province.id + "?period=" + period, viewer).get("figures");
            return figures != null && figures.has(SUBMITTED) ? figures.get(SUBMITTED).asLong() : 0;
        }

        private void loop() {
            while (running && used < probes.size()) {
                BenchState.CommitmentRow c = probes.get(used++);
                long before = submitted();
                long t0 = System.nanoTime();
                api.expect("POST", "/api/v1/commitments/" + c.id() + "/submit", tokens.of("cell-secretary", UUID.fromString(c.cellId())), null, null, 200);
                long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
                while (submitted() < before + 1) {
                    if (System.nanoTime() > deadline) {
                        log("freshness probe: commitment %s not on the dashboard after 60 s", c.id());
                        break;
                    }
                    Api.sleep(10);
                }
                histogram.recordValue(Math.min((System.nanoTime() - t0) / 1000, TimeUnit.MINUTES.toMicros(5)));
                Api.sleep(200);
            }
        }
    }

    // ---- dashboard ----------------------------------------------------------------------------------------

    void dashboard() throws InterruptedException {
        BenchState state = BenchState.load(stateDir);
        settle(state);
        double rate = Double.parseDouble(opts.getOrDefault("rate", "200"));
        String period = String.valueOf(LocalDate.now(Loader.VN).getYear());
        List<HttpRequest> reads = new ArrayList<>();
        for (BenchState.ProvinceState p : state.provinces) {
            reads.add(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dashboards/units/" + p.id + "?period=" + period))
                    .header("Authorization", "Bearer " + tokens.of("viewer", UUID.fromString(p.id))).GET().build());
        }
        ConstantRateLoad.run(api.client(), rate, Duration.ofSeconds(5), i -> reads.get(i % reads.size()), s -> s == 200, Duration.ofSeconds(10));
        ConstantRateLoad.Result r = ConstantRateLoad.run(api.client(), rate, duration, i -> reads.get(i % reads.size()), s -> s == 200,
                Duration.ofSeconds(10));
        log("dashboard reads of the 34 provinces: %s", r.summary());
        JsonNode sample = api.get("/api/v1/dashboards/units/" + state.provinces.get(0).id + "?period=" + period, tokens.admin());
        log("  e.g. %s", sample);
        results.put("dashboard.rate", rate).put("dashboard.p50", r.p(50)).put("dashboard.p99", r.p(99)).put("dashboard.errors", r.errors())
                .put("dashboard.scale", state.scale);
    }

    // ---- rebuild ------------------------------------------------------------------------------------------

    /**
     * The rebuild rate: a first rebuild warms reporting-service up (its replay path has not run
     * since it started, and its JIT compilers would take a share of a 1 % replay's few seconds),
     * then a second is measured. The first one's rate is kept beside it.
     */
    void rebuild() {
        String admin = tokens.admin();
        RebuildRun first = rebuildOnce(admin);
        log("first rebuild (warm-up): %d events in %.1f s, %.0f events/s", first.events(), first.seconds(), first.rate());
        RebuildRun measured = rebuildOnce(admin);
        log("measured rebuild: %d events in %.1f s, %.0f events/s", measured.events(), measured.seconds(), measured.rate());
        results.put("rebuild.events", measured.events()).put("rebuild.seconds", measured.seconds()).put("rebuild.rate", measured.rate())
                .put("rebuild.reportedRate", measured.reportedRate()).put("rebuild.firstRate", first.rate());
    }

    private record RebuildRun(long events, double seconds, double rate, long reportedRate) {
    }

    private RebuildRun rebuildOnce(String admin) {
        JsonNode started = api.post("/api/v1/dashboards/rebuild", admin, null, 202);
        log("rebuild started: %s", started);
        long t0 = System.nanoTime();
        JsonNode status;
        while (true) {
            Api.sleep(250);
            status = api.get("/api/v1/dashboards/rebuild", admin);
            if (!"RUNNING".equals(status.path("state").asText())) {
                break;
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(60)) {
                throw new IllegalStateException("the rebuild still runs after an hour: " + status);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        log("rebuild finished: %s (%.1f s polled)", status, wall);
        if (!"DONE".equals(status.path("state").asText())) {
            throw new IllegalStateException("the rebuild failed: " + status);
        }
        long events = status.path("events").asLong();
        double seconds = Duration.between(Instant.parse(status.path("startedAt").asText()), Instant.parse(status.path("finishedAt").asText())).toMillis() / 1000.0;
        return new RebuildRun(events, seconds, seconds > 0 ? events / seconds : Double.NaN, status.path("eventsPerSecond").asLong());
    }

    /** Each service's own HTTP port: the stack's defaults moved by {@code --port-offset} (as CAMPAIGN_PORT_OFFSET moves them). */
    Map<String, Integer> servicePorts() {
        int offset = Integer.parseInt(opts.getOrDefault("port-offset", "0"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            ports.put(SERVICES.get(i), 8081 + i + offset); // plan 8081, commitment 8082, recognition 8083, reporting 8084
        }
        return ports;
    }

    // ---- start time -------------------------------------------------------------------------------------------

    /**
     * Each service alone: stopped, started again by {@code deploy/stack up --no-build}, and timed
     * from the JVM's process start (from /proc) to the first 200 of its /q/health/ready.
     */
    void restarts() throws Exception {
        String stack = opt("stack-script");
        Map<String, Integer> ports = servicePorts();
        for (String svc : SERVICES) {
            Path pidFile = stackDir.resolve("run").resolve(svc + "-service.pid");
            long oldPid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle old = ProcessHandle.of(oldPid).orElseThrow(() -> new IllegalStateException(svc + "-service (pid " + oldPid + ") is not running"));
            old.destroy();
            old.onExit().get(60, TimeUnit.SECONDS);
            Path log = stateDir.resolve("restart-" + svc + ".log");
            Process up = new ProcessBuilder(stack, "up", "--no-build").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int attempts = 1;
            String ready = "http://127.0.0.1:" + ports.get(svc) + "/q/health/ready";
            HttpRequest probe = HttpRequest.newBuilder(URI.create(ready)).timeout(Duration.ofSeconds(2)).GET().build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Instant readyAt = null;
            long newPid = -1;
            while (System.nanoTime() < deadline) {
                if (!up.isAlive() && up.exitValue() != 0 && attempts < 3 && !alive(pidFile)) {
                    // a port above 32767 can be taken for a moment as the local end of some
                    // outgoing connection (the ephemeral range); the service then fails to bind
                    log("%s-service did not start (see %s); trying again", svc, log);
                    attempts++;
                    newPid = -1;
                    up = new ProcessBuilder(stack, "up", "--no-build").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                }
                if (newPid < 0 && Files.exists(pidFile)) {
                    long p = Long.parseLong(Files.readString(pidFile).trim().isEmpty() ? "-1" : Files.readString(pidFile).trim());
                    newPid = p != oldPid && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false) ? p : -1;
                }
                try {
                    if (newPid > 0 && api.client().send(probe, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        readyAt = Instant.now();
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            if (readyAt == null) {
                throw new IllegalStateException(svc + "-service was not ready within 120 s after a restart; see " + log);
            }
            Instant processStart = ProcessHandle.of(newPid).flatMap(h -> h.info().startInstant())
                    .orElseThrow(() -> new IllegalStateException("no start time for pid"));
            double seconds = Duration.between(processStart, readyAt).toMillis() / 1000.0;
            if (!up.waitFor(180, TimeUnit.SECONDS)) {
                throw new IllegalStateException("deploy/stack up --no-build did not finish; see " + log);
            }
            String quarkus = startedIn(stackDir.resolve("logs").resolve(svc + "-service.log"));
            log("%s-service: ready %.2f s after its JVM started; Quarkus says started in %s s", svc, seconds, quarkus);
            results.put("start." + svc, seconds).put("start." + svc + ".quarkus", quarkus);
        }
    }

    private static boolean alive(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    static String startedIn(Path log) throws IOException {
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
        String last = "n/a";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
