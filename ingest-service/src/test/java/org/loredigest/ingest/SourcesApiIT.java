package org.loredigest.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.api.ApiKeyFilter;
import org.loredigest.testkit.KafkaTestResource;
import org.loredigest.testkit.PublicInboxTestResource;

/** The service as deployed: a configured git source against a real public-inbox, its status, metrics, health, keys. */
@QuarkusTest
@TestProfile(SourcesApiIT.GitSourceProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PublicInboxTestResource.class, initArgs = {
        @ResourceArg(name = "name", value = "cgroups"),
        @ResourceArg(name = "mbox", value = "corpus/lore-cgroups/cgroups-2024-09.mbox")})
class SourcesApiIT {

    static final String KEY = "it-secret";

    public static class GitSourceProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "lore.ingest.api-key", KEY,
                    // the test's public-inbox runs on this machine: allowed explicitly, beside lore itself
                    "lore.ingest.source-policy.allowed-hosts", "127.0.0.1,lore.kernel.org",
                    "lore.ingest.source-policy.allow-loopback", "true",
                    "lore.ingest.sources.it-git.type", "git",
                    "lore.ingest.sources.it-git.list", "cgroups",
                    "lore.ingest.sources.it-git.url", "${lore.test.public-inbox.url}",
                    "lore.ingest.git-dir", "target/it-git-mirrors",
                    "lore.ingest.transactional-id-prefix", "it-" + Long.toHexString(System.nanoTime()));
        }
    }

    @Test
    void configuredGitSourceBackfillsAndReportsItsState() throws Exception {
        JsonPath source = awaitSource(s -> s.getLong("published") == 102 && "idle".equals(s.getString("state")));
        assertThat(source.getString("type")).isEqualTo("git");
        assertThat(source.getLong("lag")).isZero();
        assertThat(source.getMap("position")).containsKey("epoch.0");
        assertThat(source.getString("lastError")).isNull();

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern(
                "lore_ingest_source_messages_total\\{[^}]*outcome=\"published\"[^}]*source=\"it-git\"[^}]*} 102.0");
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'lore sources' }.status", equalTo("UP"));
    }

    @Test
    void writesNeedTheApiKeyAndReadsDoNot() {
        given().when().get("/api/sources").then().statusCode(200);
        given().when().post("/api/sources/it-git/poll").then().statusCode(401)
                .body("error", containsString(ApiKeyFilter.HEADER));
        given().header(ApiKeyFilter.HEADER, "wrong").when().post("/api/sources/it-git/poll").then().statusCode(401);
        given().header(ApiKeyFilter.HEADER, KEY).when().post("/api/sources/it-git/poll").then().statusCode(202);
        given().contentType("application/mbox").body("From x\n\nbody\n".getBytes())
                .when().post("/api/imports/mbox?list=cgroups").then().statusCode(401);
        given().header(ApiKeyFilter.HEADER, KEY).when().post("/api/sources/no-such/poll").then().statusCode(404);
    }

    @Test
    void addingASourceValidatesItsDefinition() {
        given().header(ApiKeyFilter.HEADER, KEY).contentType("application/json")
                .body(Map.of("name", "Bad Name", "type", "git", "list", "cgroups", "url", "https://lore.kernel.org/x/"))
                .when().post("/api/sources").then().statusCode(400).body("error", containsString("source name"));
        given().header(ApiKeyFilter.HEADER, KEY).contentType("application/json")
                .body(Map.of("name", "it-git", "type", "git", "list", "cgroups", "url", "https://lore.kernel.org/x/"))
                .when().post("/api/sources").then().statusCode(409);
    }

    private static JsonPath awaitSource(java.util.function.Predicate<JsonPath> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath source = null;
        while (Instant.now().isBefore(deadline)) {
            source = given().when().get("/api/sources/it-git").then().statusCode(200).extract().jsonPath();
            if (done.test(source)) {
                return source;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("source did not finish its backfill: " + (source == null ? null : source.prettify()));
    }
}
