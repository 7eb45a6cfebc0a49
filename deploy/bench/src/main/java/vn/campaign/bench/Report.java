package vn.campaign.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of SPEC section 8: figure, target, measured, ratio to baseline, pass/fail,
 * printed and written as markdown. Only what the results file holds is shown; a figure that
 * was not measured says so.
 */
public final class Report {

    record Row(String figure, String target, String measured, String ratio, String verdict) {
    }

    private Report() {
    }

    static void print(Map<String, String> opts) throws IOException {
        Results r = new Results(Path.of(opts.get("results")));
        Results reference = opts.containsKey("reference") && Files.exists(Path.of(opts.get("reference")))
                ? new Results(Path.of(opts.get("reference"))) : null;
        String markdown = render(r, reference, opts.getOrDefault("header", ""));
        System.out.println(markdown);
        if (opts.containsKey("out")) {
            Path out = Path.of(opts.get("out"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            System.out.println("(written to " + out + ")");
        }
    }

    static String render(Results r, Results reference, String header) {
        List<Row> rows = new ArrayList<>();
        double tps = r.number("pgbench.tps");
        double health = r.number("health.p99");
        rows.add(new Row("Baseline: pgbench TPC-B-like, 8 clients, same PostgreSQL (scratch database)", "-",
                num(tps, "%.0f tps"), "1.00", "baseline"));
        rows.add(new Row("Baseline: gateway /health (nginx, no service) at " + num(r.number("health.rate"), "%.0f/s") + ", p99", "-",
                num(health, "%.2f ms") + " (p50 " + num(r.number("health.p50"), "%.2f ms") + ")", "1.00", "baseline"));

        double sustained = r.number("submit.sustained");
        rows.add(new Row("Commitment submits through the gateway, highest rate sustained with p99 <= 100 ms and no errors", ">= 1,000/s",
                num(sustained, "%.0f/s"), ratio(sustained, tps, " x pgbench"), verdict(sustained >= 1000, sustained)));
        rows.add(new Row("Commitment submits vs pgbench TPS", ">= 0.4 x pgbench", num(sustained, "%.0f/s") + " vs " + num(tps, "%.0f tps"),
                ratio(sustained, tps, ""), verdict(sustained >= 0.4 * tps, sustained / tps)));
        double sp99 = r.number("submit.sustained.p99");
        rows.add(new Row("Submit p99 at the sustained rate", "<= 100 ms", num(sp99, "%.1f ms"), ratio(sp99, health, " x /health"),
                verdict(sp99 <= 100, sp99)));

        double scale = r.number("dashboard.scale");
        double dp99 = r.number("dashboard.p99");
        String scaleText = Double.isNaN(scale) ? "?" : trim(scale * 100) + " % scale";
        rows.add(new Row("Dashboard read of a province, p99 at " + num(r.number("dashboard.rate"), "%.0f/s") + " (" + scaleText + ")", "<= 20 ms",
                num(dp99, "%.1f ms") + " (p50 " + num(r.number("dashboard.p50"), "%.1f ms") + ")", ratio(dp99, health, " x /health"),
                verdict(dp99 <= 20 && r.number("dashboard.errors") == 0, dp99)));
        if (reference != null && !Double.isNaN(reference.number("dashboard.p99")) && reference.number("dashboard.scale") < scale) {
            double ref = reference.number("dashboard.p99");
            rows.add(new Row("Dashboard p99 at " + scaleText + " vs " + trim(reference.number("dashboard.scale") * 100) + " % scale",
                    "<= 1.2 x", num(dp99, "%.1f ms") + " vs " + num(ref, "%.1f ms"), ratio(dp99, ref, " x"), verdict(dp99 <= 1.2 * ref, dp99)));
        } else {
            rows.add(new Row("Dashboard p99 at national scale vs 1 % scale", "<= 1.2 x", "not measured in this run (needs a run at a larger scale "
                    + "after one at 1 %)", "-", "not measured"));
        }

        String atRate = " at " + num(r.number("freshness.rate"), "%.0f/s") + " submits (" + num(r.number("freshness.samples"), "%.0f") + " probes)";
        double f99 = r.number("freshness.p99");
        rows.add(new Row("Freshness submit -> province dashboard, p50" + atRate, "-", num(r.number("freshness.p50"), "%.0f ms"), "-", "-"));
        rows.add(new Row("Freshness submit -> province dashboard, p99" + atRate, "<= 1,000 ms", num(f99, "%.0f ms"), "-", verdict(f99 <= 1000, f99)));

        double rebuild = r.number("rebuild.rate");
        rows.add(new Row("Rebuild of the reporting read models (" + num(r.number("rebuild.events"), "%.0f") + " events in "
                + num(r.number("rebuild.seconds"), "%.1f s") + ", after a first rebuild to warm up: " + num(r.number("rebuild.firstRate"), "%.0f events/s")
                + ")", ">= 20,000 events/s", num(rebuild, "%.0f events/s"),
                ratio(rebuild, tps, " x pgbench tps"), verdict(rebuild >= 20000, rebuild)));

        for (String s : Bench.SERVICES) {
            // SPEC's figure is Quarkus's own "started in" (JVM mode); the time until the readiness probe answers is shown beside it
            double started = r.number("start." + s + ".quarkus");
            rows.add(new Row(s + "-service \"started in\", restarted alone (JVM process start -> ready: "
                    + num(r.number("start." + s), "%.2f s") + ")", "<= 3 s", num(started, "%.2f s"), "-", verdict(started <= 3, started)));
        }
        for (String s : Bench.SERVICES) {
            double rss = r.number("rss." + s);
            double anon = r.number("rss." + s + ".anon");
            String split = Double.isNaN(anon) ? ""
                    : String.format(Locale.ROOT, " (anonymous %.0f MB, file-backed %.0f MB)", anon, r.number("rss." + s + ".file"));
            rows.add(new Row(s + "-service resident memory (max VmRSS during the submit load)", "<= 300 MB", num(rss, "%.0f MB") + split, "-",
                    verdict(rss <= 300, rss)));
        }

        StringBuilder md = new StringBuilder();
        if (!header.isBlank()) {
            md.append(header.replace("\\n", "\n")).append("\n\n");
        }
        md.append("| figure | target | measured | ratio to baseline | pass/fail |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.figure()).append(" | ").append(row.target()).append(" | ").append(row.measured()).append(" | ")
                    .append(row.ratio()).append(" | ").append(row.verdict()).append(" |\n");
        }
        String steps = r.get("submit.steps");
        if (steps != null && !steps.isBlank()) {
            md.append("\nSubmit steps (constant rate, latency from the intended start; freshness probes in a province the load leaves alone):\n\n")
                    .append("| rate/s | sent | errors | achieved/s | p50 ms | p99 ms | p99.9 ms | sustained | probes | freshness p50 ms | freshness p99 ms | machine CPU | CPU by process (cores) | full GCs (pauses) |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n").append(steps);
        }
        if (r.get("data.units") != null) {
            String share = r.get("data.detailShare");
            md.append(String.format(Locale.ROOT, "%nData set: scale %s, %s units, %s members, %s commitments%s.%n", r.get("data.scale"),
                    r.get("data.units"), r.get("data.members"), r.get("data.commitments"),
                    share == null || Double.parseDouble(share) >= 1 ? "" : " (activities and commitments loaded for the members of "
                            + Math.round(Double.parseDouble(share) * 100) + " % of the cells)"));
        }
        return md.toString();
    }

    static String verdict(boolean pass, double measured) {
        return Double.isNaN(measured) ? "not measured" : pass ? "PASS" : "FAIL";
    }

    static String num(double v, String format) {
        return Double.isNaN(v) ? "not measured" : String.format(Locale.ROOT, format, v);
    }

    static String ratio(double v, double base, String unit) {
        return Double.isNaN(v) || Double.isNaN(base) || base == 0 ? "-" : String.format(Locale.ROOT, "%.2f%s", v / base, unit);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
