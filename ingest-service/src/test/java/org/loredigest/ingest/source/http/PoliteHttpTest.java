package org.loredigest.ingest.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.WithDefault;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.IngestConfig;
import org.loredigest.ingest.TestPolicy;
import org.loredigest.ingest.domain.source.SourcePolicy;
import org.loredigest.ingest.source.http.ScriptedServer.Answer;

/**
 * The polite client against a real HTTP server on loopback that answers as a busy lore does. Time is simulated
 * (waiting moves the clock) so the test checks the exact waits without spending them; the rate bound is checked
 * on the real clock.
 */
class PoliteHttpTest {

    static final String AGENT = "lore-digest-ingest/test (+https://example.org/lore-digest)";
    static final SourcePolicy LOOPBACK = TestPolicy.loopbackOnly();

    final ScriptedServer server = new ScriptedServer();
    final SimulatedTime time = new SimulatedTime(Instant.parse("2026-03-02T10:00:00Z"));
    final PoliteHttp http = new PoliteHttp(HttpClient.newHttpClient(), LOOPBACK::checkRequest, AGENT, 10, 4, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofSeconds(10), time, time);

    PoliteHttpTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterSeconds() throws Exception {
        server.then(Answer.of(429, "Retry-After", "7"));
        assertThat(body(get("/cgroups/new.atom"))).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a503IsRetriedAtTheHttpDateOfItsRetryAfter() throws Exception {
        server.then(Answer.of(503, "Retry-After", () -> DateTimeFormatter.RFC_1123_DATE_TIME
                .format(time.instant().plusSeconds(20).atOffset(ZoneOffset.UTC))));
        assertThat(get("/cgroups/new.atom").statusCode()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void serverErrorsWithoutRetryAfterBackOffExponentially() throws Exception {
        server.then(Answer.of(503), Answer.of(502), Answer.of(500));
        assertThat(get("/cgroups/").statusCode()).isEqualTo(200);
        assertThat(server.requests()).hasSize(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aBrokenConnectionIsRetriedLikeAServerError() throws Exception {
        server.then(Answer.of(0));
        // a POST, as the search export is: the JDK client itself retries a GET once on a closed connection
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(server.url("/cgroups/")))
                .POST(HttpRequest.BodyPublishers.ofString("z=1")));
        assertThat(body(response)).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheStatus() {
        server.then(Answer.of(503), Answer.of(503), Answer.of(503), Answer.of(503), Answer.of(200));
        assertThatThrownBy(() -> get("/cgroups/"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("after 4 attempt(s)");
        assertThat(server.requests()).hasSize(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aRetryAfterLongerThanTheLongestBackoffIsNotCutShortAndHoldsBackTheNextRequest() throws Exception {
        server.then(Answer.of(429, "Retry-After", "3600"));
        assertThatThrownBy(() -> get("/cgroups/new.atom"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(429))
                .hasMessageContaining("Retry-After");
        assertThat(server.requests()).as("no early retry").hasSize(1);
        assertThat(time.sleeps()).isEmpty();

        assertThat(get("/other/new.atom").statusCode()).isEqualTo(200);
        assertThat(time.sleeps()).as("the next request, whatever it asks for, waits").containsExactly(
                Duration.ofSeconds(60));
    }

    @Test
    void otherClientErrorsAreAnsweredAtOnce() throws Exception {
        server.then(Answer.of(404));
        assertThat(get("/cgroups/nothing@example.org/raw").statusCode()).isEqualTo(404);
        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void everyRequestNamesTheClientEvenWhenTheCallerSetsAnother() throws Exception {
        body(get("/a"));
        body(http.send(HttpRequest.newBuilder(URI.create(server.url("/b"))).header("User-Agent", "curl/8")
                .POST(HttpRequest.BodyPublishers.ofString("z=1"))));
        assertThat(server.requests()).extracting(ScriptedServer.Request::userAgent).containsExactly(AGENT, AGENT);

        String configured = IngestConfig.Http.class.getMethod("userAgent").getAnnotation(WithDefault.class).value();
        assertThat(configured).as("the default names the project and where to reach it")
                .startsWith("lore-digest-ingest/").contains("https://");
    }

    @Test
    void requestsFromSeveralThreadsStartNoFasterThanTheRate() throws Exception {
        PoliteHttp limited = new PoliteHttp(HttpClient.newHttpClient(), LOOPBACK::checkRequest, AGENT, 20, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10), d -> Thread.sleep(d),
                Clock.systemUTC());
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                done.add(threads.submit(() -> body(limited.send(HttpRequest.newBuilder(URI.create(server.url("/x")))))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> arrivals = server.requests().stream().map(ScriptedServer.Request::arrivedNanos).sorted().toList();
        assertThat(arrivals).hasSize(9);
        // 20 per second: starts 50 ms apart; arrivals may jitter by a few ms around that
        assertThat(Duration.ofNanos(arrivals.get(8) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(380));
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1))).isGreaterThan(Duration.ofMillis(30));
        }
    }

    private HttpResponse<InputStream> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET());
    }

    private static String body(HttpResponse<InputStream> response) throws Exception {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A clock that only moves when the client waits, remembering each wait. */
    static final class SimulatedTime extends Clock implements PoliteHttp.Sleeper {
        private Instant now;
        private final List<Duration> sleeps = new ArrayList<>();

        SimulatedTime(Instant start) {
            this.now = start;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

        synchronized List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
