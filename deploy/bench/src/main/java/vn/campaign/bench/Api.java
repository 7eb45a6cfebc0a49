package vn.campaign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/** Synchronous JSON calls to the gateway for loading data, with retries on what a busy stack answers. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String base;
    private final HttpClient http;

    public Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    public HttpClient client() {
        return http;
    }

    /** The HTTP status and body of a call. */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + abbreviate(body), e);
            }
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode get(String path, String token) {
        return expect("GET", path, token, null, null, 200).json();
    }

    public JsonNode post(String path, String token, Object body, int... ok) {
        return expect("POST", path, token, "application/json", body == null ? null : json(body), ok.length == 0 ? new int[]{200, 201} : ok).json();
    }

    /** A call that must answer one of {@code ok}; 429, 5xx and connection failures are retried for a while. */
    public Reply expect(String method, String path, String token, String contentType, String body, int... ok) {
        return expectRetrying(method, path, token, contentType, body, r -> false, ok);
    }

    /**
     * Like {@link #expect}, also retrying replies {@code retryIf} accepts (e.g. a unit not yet
     * replicated to the service), for up to three minutes.
     */
    public Reply expectRetrying(String method, String path, String token, String contentType, String body,
                                Predicate<Reply> retryIf, int... ok) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long pause = 50;
        while (true) {
            Reply reply;
            try {
                reply = send(method, path, token, contentType, body);
            } catch (IOException e) {
                reply = new Reply(-1, e.toString());
            }
            int status = reply.status();
            if (Arrays.stream(ok).anyMatch(s -> s == status)) {
                return reply;
            }
            boolean transientFailure = status == -1 || status == 429 || status >= 500 || retryIf.test(reply);
            if (!transientFailure || System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + abbreviate(reply.body()));
            }
            sleep(pause);
            pause = Math.min(2000, pause * 2);
        }
    }

    public Reply send(String method, String path, String token, String contentType, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Accept", "application/json");
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
