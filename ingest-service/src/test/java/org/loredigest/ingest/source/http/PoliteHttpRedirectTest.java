package org.loredigest.ingest.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.TestPolicy;
import org.loredigest.ingest.source.http.ScriptedServer.Answer;

/**
 * Redirects are followed by the polite client, each hop checked by the source policy first. The policy here allows
 * 127.0.0.1 only; a hop to any other host is refused before it is resolved or connected to, so these tests reach
 * nothing but the two scripted servers on loopback.
 */
class PoliteHttpRedirectTest {

    final ScriptedServer lore = new ScriptedServer();
    /** Stands for a host off the allowed list: reachable as {@code localhost}, which the policy does not allow. */
    final ScriptedServer elsewhere = new ScriptedServer();
    final PoliteHttp http = new PoliteHttp(HttpClient.newHttpClient(), TestPolicy.loopbackOnly()::checkRequest,
            "lore-digest-ingest/test", 100, 2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(10),
            d -> Thread.sleep(d), Clock.systemUTC());

    PoliteHttpRedirectTest() throws Exception {
    }

    @AfterEach
    void stop() {
        lore.close();
        elsewhere.close();
    }

    @Test
    void aRedirectOffTheAllowedHostsIsRefusedWithoutConnectingThere() {
        String offList = elsewhere.url("/cgroups/new.atom").replace("127.0.0.1", "localhost");
        lore.then(Answer.of(302, "Location", offList));
        assertThatThrownBy(() -> get("/cgroups/new.atom")).isInstanceOf(RequestRefusedException.class)
                .hasMessageContaining("answered 302 to " + offList)
                .hasMessageContaining("redirect not followed")
                .hasMessageContaining("host localhost is not in lore.ingest.source-policy.allowed-hosts");
        assertThat(lore.requests()).hasSize(1);
        assertThat(elsewhere.requests()).as("requests that reached the host off the list").isEmpty();
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedBeforeAnyConnection() {
        lore.then(Answer.of(301, "Location", "http://10.20.30.40/cgroups/"));
        assertThatThrownBy(() -> get("/cgroups/")).isInstanceOf(RequestRefusedException.class)
                .hasMessageContaining("host 10.20.30.40 is not in lore.ingest.source-policy.allowed-hosts");
        lore.then(Answer.of(307, "Location", "file:///etc/passwd"));
        assertThatThrownBy(() -> get("/cgroups/")).isInstanceOf(RequestRefusedException.class)
                .hasMessageContaining("only http and https are allowed");
    }

    @Test
    void aRedirectOnTheAllowedHostIsFollowed() throws Exception {
        lore.then(Answer.of(301, "Location", "/cgroups/"));
        HttpResponse<InputStream> response = get("/cgroups");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("ok");
        assertThat(lore.requests()).extracting(ScriptedServer.Request::path).containsExactly("/cgroups", "/cgroups/");
    }

    @Test
    void aPostSeeOtherContinuesWithAGet() throws Exception {
        lore.then(Answer.of(303, "Location", "/export"));
        body(http.send(HttpRequest.newBuilder(URI.create(lore.url("/cgroups/?q=x&x=m")))
                .POST(HttpRequest.BodyPublishers.ofString("z=1"))));
        assertThat(lore.requests()).extracting(ScriptedServer.Request::method).containsExactly("POST", "GET");
    }

    @Test
    void endlessRedirectsStopAfterTheLimit() {
        for (int i = 0; i <= PoliteHttp.MAX_REDIRECTS; i++) {
            lore.then(Answer.of(302, "Location", "/loop"));
        }
        assertThatThrownBy(() -> get("/loop")).hasMessageContaining("more than " + PoliteHttp.MAX_REDIRECTS + " redirects");
        assertThat(lore.requests()).hasSize(PoliteHttp.MAX_REDIRECTS + 1);
    }

    @Test
    void aFirstRequestOffTheAllowedHostsIsNotSent() {
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(elsewhere.url("/x")
                .replace("127.0.0.1", "localhost"))))).hasMessageContaining("host localhost is not in");
        assertThat(elsewhere.requests()).isEmpty();
    }

    private HttpResponse<InputStream> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(lore.url(path))).GET());
    }

    private static String body(HttpResponse<InputStream> response) throws Exception {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
