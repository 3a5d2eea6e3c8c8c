package org.loredigest.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.api.ApiKeyFilter;
import org.loredigest.testkit.KafkaTestResource;

/**
 * {@code POST /api/sources} under the default source policy (only the API key and a root for {@code dir} sources
 * are configured): a URL naming this machine or a private network, and a folder outside the root, are refused
 * before anything is connected to or read; a source's error is shown only to callers with the key.
 *
 * <p>No test here may make the service connect anywhere but loopback, even if the policy were gone: private-range
 * URLs are only ever posted under a name already taken, so a service that did not check them answers 409 and starts
 * nothing.
 */
@QuarkusTest
@TestProfile(SourcePolicyIT.DefaultPolicy.class)
@WithTestResource(KafkaTestResource.class)
class SourcePolicyIT {

    static final String KEY = "policy-" + Long.toHexString(System.nanoTime());
    /** Source definitions outlive a test in the shared broker's checkpoints: names are unique per run. */
    static final String RUN = Long.toHexString(System.nanoTime());
    static final Path ROOT = Path.of("target", "source-policy-it", "mirrors").toAbsolutePath();
    static final Path OUTSIDE = Path.of("target", "source-policy-it", "outside").toAbsolutePath();
    /** What callers without the key see of a source's error. */
    static final String HIDDEN_ERROR = "(hidden: requests with the API key see the error)";

    public static class DefaultPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lore.ingest.api-key", KEY,
                    "lore.ingest.source-policy.dir-root", ROOT.toString(),
                    "lore.ingest.health.failures-threshold", "1",
                    "lore.ingest.transactional-id-prefix", "policy-" + RUN);
        }
    }

    @Test
    void aUrlNamingThisMachineIsRefusedBeforeAnyConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/cgroups/";
            for (String type : new String[] {"http", "git"}) {
                String name = "local-" + type + "-" + RUN;
                add(name, type, url).statusCode(403)
                        .body("error", containsString("host 127.0.0.1 is not in lore.ingest.source-policy.allowed-hosts"));
                given().when().get("/api/sources/" + name).then().statusCode(404);
            }
            listener.setSoTimeout(1500); // a source that had been started would have connected by now
            try (Socket connected = listener.accept()) {
                throw new AssertionError("the service connected to " + url + " from " + connected.getRemoteSocketAddress());
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
        }
    }

    @Test
    void privateAndLinkLocalAddressesAreRefusedBeforeTheNameIsEvenLookedAt() throws IOException {
        String taken = "held-" + RUN;
        Files.createDirectories(ROOT.resolve(taken).resolve("git"));
        add(taken, "dir", ROOT.resolve(taken).toString()).statusCode(201);
        for (String url : new String[] {"http://10.20.30.40/cgroups/", "https://192.168.1.10/cgroups/",
                "http://172.16.5.5/cgroups/", "http://[fd00::5]/cgroups/", "http://169.254.169.254/latest/"}) {
            add(taken, "git", url).statusCode(403)
                    .body("error", containsString("is not in lore.ingest.source-policy.allowed-hosts"));
            add(taken, "http", url).statusCode(403);
        }
    }

    @Test
    void dirSourcesOutsideTheRootAreRefused() throws IOException {
        Files.createDirectories(OUTSIDE.resolve("git"));
        Path link = ROOT.resolve("link-" + RUN);
        Files.createDirectories(ROOT);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, OUTSIDE);
        for (Path outside : new Path[] {OUTSIDE, link, ROOT.resolve("../outside"), Path.of("/etc")}) {
            add("outside-" + RUN, "dir", outside.toString()).statusCode(403)
                    .body("error", containsString("is not inside lore.ingest.source-policy.dir-root"));
        }
        given().when().get("/api/sources/outside-" + RUN).then().statusCode(404);
        Path inside = Files.createDirectories(ROOT.resolve("inside-" + RUN).resolve("git")).getParent();
        add("inside-" + RUN, "dir", inside.toString()).statusCode(201);
    }

    @Test
    void aSourcesErrorIsShownOnlyWithTheKey() throws Exception {
        String name = "broken-" + RUN;
        Path notAMirror = Files.createDirectories(ROOT.resolve(name)); // no git/ folder: every poll fails
        add(name, "dir", notAMirror.toString()).statusCode(201);
        JsonPath withKey = awaitFailing(name);
        assertThat(withKey.getString("lastError")).contains("no git/ folder").contains(notAMirror.toString());

        String single = given().when().get("/api/sources/" + name).then().statusCode(200).extract().asString();
        String all = given().when().get("/api/sources").then().statusCode(200).extract().asString();
        String wrongKey = given().header(ApiKeyFilter.HEADER, "wrong").when().get("/api/sources/" + name).then()
                .statusCode(200).extract().asString();
        String health = given().when().get("/q/health/ready").then().extract().asString();
        for (String body : new String[] {single, all, wrongKey, health}) {
            assertThat(body).doesNotContain("no git/ folder").doesNotContain("IOException");
        }
        assertThat(health).doesNotContain(notAMirror.toString());
        assertThat(JsonPath.from(single).getString("lastError")).isEqualTo(HIDDEN_ERROR);
        assertThat(JsonPath.from(single).getInt("consecutiveFailures")).isPositive();
        assertThat(health).contains(name).contains("failing");
    }

    private static ValidatableResponse add(String name, String type, String url) {
        return given().header(ApiKeyFilter.HEADER, KEY).contentType("application/json")
                .body(Map.of("name", name, "type", type, "list", "cgroups", "url", url, "pollInterval", "PT1H"))
                .when().post("/api/sources").then();
    }

    private static JsonPath awaitFailing(String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath source = null;
        while (Instant.now().isBefore(deadline)) {
            source = given().header(ApiKeyFilter.HEADER, KEY).when().get("/api/sources/" + name).then()
                    .statusCode(200).extract().jsonPath();
            if (source.getInt("consecutiveFailures") > 0) {
                return source;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("source " + name + " did not fail: " + (source == null ? null : source.prettify()));
    }
}
