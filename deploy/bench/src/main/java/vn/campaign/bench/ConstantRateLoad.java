package vn.campaign.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * An open-model, constant-rate load generator in the manner of wrk2: request {@code i} has the
 * intended start time {@code t0 + i / rate}, is sent then (or at once if the sender is behind),
 * never waits for earlier requests to finish, and its latency is measured from the intended
 * start, so a stalled server shows up in the percentiles instead of silently lowering the rate
 * (no coordinated omission). Latencies go into an HdrHistogram in microseconds.
 */
public final class ConstantRateLoad {

    /** Highest latency the histogram tracks, in microseconds (one minute). */
    static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private ConstantRateLoad() {
    }

    /**
     * What a run did. {@code latency} holds the successful requests (µs from the intended start);
     * {@code exhausted} says the request source ran dry before the end.
     */
    public record Result(double rate, Duration duration, long intended, long sent, long ok, long errors,
                         Map<String, Long> outcomes, Histogram latency, double seconds, long maxSenderLagMicros, boolean exhausted) {

        public double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        public double achievedRate() {
            return seconds <= 0 ? 0 : ok / seconds;
        }

        /** Every intended request went out and came back successfully. */
        public boolean clean() {
            return !exhausted && errors == 0 && ok == intended;
        }

        public String summary() {
            return String.format("rate %.0f/s for %ds: %d sent, %d ok, %d errors %s, achieved %.1f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                            + "p99.9 %.1f ms, max %.1f ms, sender lag max %.1f ms%s",
                    rate, duration.toSeconds(), sent, ok, errors, errors > 0 ? outcomes : "", achievedRate(), p(50), p(90), p(99), p(99.9),
                    latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0, maxSenderLagMicros / 1000.0,
                    exhausted ? " (ran out of requests)" : "");
        }
    }

    /**
     * Sends {@code rate} requests per second for {@code duration}. {@code source} gives request
     * {@code i} (null when it has none left); {@code ok} tells a successful status.
     */
    public static Result run(HttpClient client, double rate, Duration duration, IntFunction<HttpRequest> source, IntPredicate ok,
                             Duration timeout) {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        long intended = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
        LongAdder okCount = new LongAdder();
        LongAdder errorCount = new LongAdder();
        LongAdder done = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicLong maxLag = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long sent = 0;
        boolean exhausted = false;
        for (int i = 0; i < intended; i++) {
            long at = start + (long) (i * intervalNanos);
            long now;
            while ((now = System.nanoTime()) < at) {
                LockSupport.parkNanos(at - now);
            }
            long lag = now - at;
            if (lag > maxLag.get()) {
                maxLag.set(lag);
            }
            HttpRequest request = source.apply(i);
            if (request == null) {
                exhausted = true;
                break;
            }
            sent++;
            final long intendedAt = at;
            HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true).timeout(timeout).build();
            client.sendAsync(timed, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long latencyMicros = (System.nanoTime() - intendedAt) / 1000;
                if (failure == null && ok.test(response.statusCode())) {
                    recorder.recordValue(Math.min(latencyMicros, MAX_LATENCY_MICROS));
                    okCount.increment();
                } else {
                    errorCount.increment();
                    String key = failure != null ? rootCause(failure).getClass().getSimpleName() : "HTTP " + response.statusCode();
                    outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
                }
                done.increment();
            });
        }
        long waitUntil = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(2);
        while (done.sum() < sent && System.nanoTime() < waitUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        long lost = sent - done.sum();
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        if (lost > 0) {
            counted.put("no answer", lost);
        }
        // the achieved rate is over the scheduled span, not the drain after it
        double seconds = duration.toNanos() / 1e9;
        return new Result(rate, duration, intended, sent, okCount.sum(), errorCount.sum() + lost, counted,
                recorder.getIntervalHistogram(), seconds, maxLag.get() / 1000, exhausted);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
