package vn.campaign.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstantRateLoadTest {

    @Test
    void aStalledServerShowsInTheLatencyOfEveryRequestScheduledMeanwhile() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // the server stalls for 600 ms from the first request on
        java.util.concurrent.atomic.AtomicLong stallUntil = new java.util.concurrent.atomic.AtomicLong();
        // one thread: while the first requests are held back, the later ones queue behind them
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            stallUntil.compareAndSet(0, System.nanoTime() + Duration.ofMillis(600).toNanos());
            long wait = stallUntil.get() - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/fail") ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            HttpClient client = HttpClient.newHttpClient();
            ConstantRateLoad.Result r = ConstantRateLoad.run(client, 100, Duration.ofSeconds(1),
                    i -> HttpRequest.newBuilder(base.resolve(i == 50 ? "/fail" : "/ok")).build(), s -> s == 200, Duration.ofSeconds(5));
            assertEquals(100, r.intended());
            assertEquals(100, r.sent());
            assertEquals(99, r.ok());
            assertEquals(1, r.errors());
            assertEquals(1L, r.outcomes().get("HTTP 500"));
            // the first request was intended at t0 and answered after the stall: 600 ms or more
            assertTrue(r.latency().getMaxValue() >= 550_000, "max " + r.latency().getMaxValue());
            // a closed-loop tool would see one slow request; here half of them waited behind the stall
            assertTrue(r.p(50) >= 50, "p50 " + r.p(50));
            assertTrue(!r.clean());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void runningOutOfRequestsIsReported() {
        ConstantRateLoad.Result r = ConstantRateLoad.run(HttpClient.newHttpClient(), 1000, Duration.ofMillis(100), i -> null, s -> true,
                Duration.ofSeconds(1));
        assertTrue(r.exhausted());
        assertEquals(0, r.sent());
    }
}
