package org.loredigest.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.api.ApiKeyFilter;
import org.loredigest.testkit.KafkaTestResource;

/**
 * A source on an allowed host whose server redirects elsewhere: the redirect is not followed, and the source's
 * error says why. Both servers run on loopback: the allowed "lore" answers on 127.0.0.2 (the only allowed host
 * here), the place it redirects to on 127.0.0.1, which is not allowed. The lore server serves a real manifest, so the
 * git source gets as far as JGit's clone, whose redirect is refused too.
 */
@QuarkusTest
@TestProfile(SourceRedirectIT.LoopbackLore.class)
@WithTestResource(KafkaTestResource.class)
class SourceRedirectIT {

    static final String KEY = "redirect-" + Long.toHexString(System.nanoTime());
    static final String RUN = Long.toHexString(System.nanoTime());
    static final String LORE_HOST = "127.0.0.2";

    static HttpServer lore;
    static HttpServer elsewhere;
    static final List<String> reachedElsewhere = new CopyOnWriteArrayList<>();

    public static class LoopbackLore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lore.ingest.api-key", KEY,
                    "lore.ingest.source-policy.allowed-hosts", LORE_HOST,
                    "lore.ingest.source-policy.allow-loopback", "true",
                    "lore.ingest.git-dir", "target/redirect-it-mirrors",
                    "lore.ingest.transactional-id-prefix", "redirect-" + RUN);
        }
    }

    @BeforeAll
    static void startServers() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        elsewhere.createContext("/", exchange -> {
            reachedElsewhere.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            answer(exchange, 200, "ok".getBytes(StandardCharsets.UTF_8));
        });
        elsewhere.start();
        lore = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LORE_HOST), 0), 0);
        lore.createContext("/", SourceRedirectIT::lore);
        lore.start();
    }

    @AfterAll
    static void stopServers() {
        lore.stop(0);
        elsewhere.stop(0);
    }

    /** The manifest of one epoch; everything else moved to the other host. */
    private static void lore(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/manifest.js.gz")) {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write("{\"/cgroups/git/0.git\":{\"fingerprint\":\"f00d\"}}".getBytes(StandardCharsets.UTF_8));
            }
            answer(exchange, 200, gz.toByteArray());
            return;
        }
        exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                + exchange.getRequestURI());
        answer(exchange, 302, new byte[0]);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Test
    void anHttpSourceRedirectedOffTheAllowedHostsFailsWithTheReason() throws Exception {
        String error = addAndAwaitError("redirect-http-" + RUN, "http");
        assertThat(error).contains("answered 302 to http://127.0.0.1:").contains("redirect not followed")
                .contains("host 127.0.0.1 is not in lore.ingest.source-policy.allowed-hosts");
        assertThat(reachedElsewhere).as("requests that followed the redirect").isEmpty();
    }

    @Test
    void aGitSourceWhoseCloneIsRedirectedOffTheAllowedHostsFailsWithTheReason() throws Exception {
        String error = addAndAwaitError("redirect-git-" + RUN, "git");
        assertThat(error).contains("cloning http://" + LORE_HOST).contains("not opened")
                .contains("host 127.0.0.1 is not in lore.ingest.source-policy.allowed-hosts");
        assertThat(reachedElsewhere).as("requests that followed the redirect").isEmpty();
    }

    private static String addAndAwaitError(String name, String type) throws InterruptedException {
        String url = "http://" + LORE_HOST + ":" + lore.getAddress().getPort() + "/cgroups/";
        given().header(ApiKeyFilter.HEADER, KEY).contentType("application/json")
                .body(Map.of("name", name, "type", type, "list", "cgroups", "url", url, "pollInterval", "PT1H"))
                .when().post("/api/sources").then().statusCode(201);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath source = null;
        while (Instant.now().isBefore(deadline)) {
            source = given().header(ApiKeyFilter.HEADER, KEY).when().get("/api/sources/" + name).then()
                    .statusCode(200).extract().jsonPath();
            if (source.getString("lastError") != null) {
                return source.getString("lastError");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("source " + name + " did not fail: " + (source == null ? null : source.prettify()));
    }
}
