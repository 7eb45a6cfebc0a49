package vn.campaign.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services' full (major) garbage collections, read from each service's own metrics
 * ({@code /q/metrics}, Micrometer's {@code jvm_gc_pause_seconds}): with the serial collector a
 * full collection stops the service for tens to hundreds of milliseconds, so a step whose p99 jumps
 * is read against the full collections that fell into it.
 */
final class GcPauses {

    /** Full collections since the JVM started: how many, and their pauses together in seconds. */
    record Major(long count, double seconds) {
        static final Major UNKNOWN = new Major(-1, Double.NaN);

        Major since(Major before) {
            return count < 0 || before.count < 0 ? UNKNOWN : new Major(count - before.count, seconds - before.seconds);
        }
    }

    private static final String COUNT = "jvm_gc_pause_seconds_count{";
    private static final String SUM = "jvm_gc_pause_seconds_sum{";
    private static final String MAJOR = "action=\"end of major GC\"";

    private final HttpClient client;
    private final Map<String, Integer> ports;

    /** {@code ports}: each service's own HTTP port (not the gateway's). */
    GcPauses(HttpClient client, Map<String, Integer> ports) {
        this.client = client;
        this.ports = ports;
    }

    /** Every service's full collections so far; {@link Major#UNKNOWN} for one that did not answer. */
    Map<String, Major> read() {
        Map<String, Major> out = new LinkedHashMap<>();
        ports.forEach((svc, port) -> out.put(svc, read(port)));
        return out;
    }

    private Major read(int port) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? parse(r.body()) : Major.UNKNOWN;
        } catch (java.io.IOException e) {
            return Major.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Major.UNKNOWN;
        }
    }

    /** Sums the major collections of every cause in a Prometheus text exposition. */
    static Major parse(String metrics) {
        long count = 0;
        double seconds = 0;
        for (String line : metrics.split("\n")) {
            if (!line.contains(MAJOR)) {
                continue;
            }
            if (line.startsWith(COUNT)) {
                count += (long) value(line);
            } else if (line.startsWith(SUM)) {
                seconds += value(line);
            }
        }
        return new Major(count, seconds);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** Deltas of two readings, for a step's line: "commitment 2 (0.23 s)", services without any left out. */
    static String describe(Map<String, Major> before, Map<String, Major> after) {
        StringBuilder out = new StringBuilder();
        after.forEach((svc, now) -> {
            Major d = now.since(before.getOrDefault(svc, Major.UNKNOWN));
            if (d.count() != 0) {
                out.append(out.isEmpty() ? "" : ", ").append(svc).append(' ')
                        .append(d.count() < 0 ? "?" : String.format(java.util.Locale.ROOT, "%d (%.2f s)", d.count(), d.seconds()));
            }
        });
        return out.isEmpty() ? "none" : out.toString();
    }
}
