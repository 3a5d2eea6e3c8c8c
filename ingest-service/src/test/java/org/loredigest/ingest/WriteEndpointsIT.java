package org.loredigest.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.api.ApiKeyFilter;
import org.loredigest.testkit.KafkaTestResource;
import org.loredigest.testkit.WriteEndpoints;
import org.loredigest.testkit.WriteEndpoints.Endpoint;

/**
 * Every state-changing endpoint of ingest-service refuses a request without the API key or with a wrong one, and
 * does its work with the right one. The endpoints come from the resource classes themselves: one added without an
 * entry here fails {@link #everyWriteEndpointIsExercisedHere()}.
 */
@QuarkusTest
@TestProfile(WriteEndpointsIT.KeyProfile.class)
@WithTestResource(KafkaTestResource.class)
class WriteEndpointsIT {

    static final String KEY = "write-endpoints-" + Long.toHexString(System.nanoTime());
    /** Source names are kept with their checkpoints in Kafka, which other tests of this JVM share: one per run. */
    static final String SOURCE = "sec-" + Long.toHexString(System.nanoTime());
    /** An empty public-inbox v2 mirror: polling it succeeds and reads nothing, here and wherever it is re-created. */
    static final Path EMPTY_INBOX = Path.of("target", "write-endpoints-inbox").toAbsolutePath();
    static final String MBOX = "From x\nMessage-ID: <write-endpoints@sec.test>\nSubject: test\n\nbody\n";

    public static class KeyProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lore.ingest.api-key", KEY,
                    "lore.ingest.source-policy.dir-root", EMPTY_INBOX.toString(),
                    "lore.ingest.transactional-id-prefix", "sec-" + Long.toHexString(System.nanoTime()));
        }
    }

    /** One request per write endpoint, in an order where each finds what it needs (the source is added first). */
    record Call(Endpoint endpoint, String pathAndQuery, String contentType, String body, int success) {
    }

    static final List<Call> CALLS = List.of(
            new Call(new Endpoint("POST", "/api/sources"), "/api/sources", "application/json",
                    "{\"name\":\"" + SOURCE + "\",\"type\":\"dir\",\"list\":\"sec-test\",\"url\":\"" + EMPTY_INBOX
                            + "\",\"pollInterval\":\"PT1H\"}", 201),
            new Call(new Endpoint("POST", "/api/sources/{name}/poll"), "/api/sources/" + SOURCE + "/poll", null, null, 202),
            new Call(new Endpoint("POST", "/api/sources/{name}/resync"), "/api/sources/" + SOURCE + "/resync", null, null, 202),
            new Call(new Endpoint("POST", "/api/imports/mbox"), "/api/imports/mbox?list=sec-test", "application/mbox", MBOX, 200),
            new Call(new Endpoint("POST", "/api/imports/message"), "/api/imports/message?list=sec-test", "message/rfc822",
                    MBOX.substring(MBOX.indexOf('\n') + 1), 200));

    @Test
    void everyWriteEndpointIsExercisedHere() {
        List<Endpoint> found = WriteEndpoints.in(Path.of("target", "classes"), getClass().getClassLoader());
        assertThat(found).as("write endpoints of ingest-service's resource classes").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(CALLS.stream().map(Call::endpoint).toList());
    }

    @Test
    void writesWithoutTheRightKeyAreRefusedAndWithItTheyWork() throws Exception {
        Files.createDirectories(EMPTY_INBOX.resolve("git"));
        for (Call call : CALLS) {
            request(call, null).then().statusCode(401).body("error", containsString(ApiKeyFilter.HEADER));
            request(call, "wrong-" + KEY).then().statusCode(401);
            request(call, KEY.substring(0, KEY.length() - 1)).then().statusCode(401);
            request(call, KEY.toUpperCase()).then().statusCode(401);
        }
        given().when().get("/api/sources/" + SOURCE).then().statusCode(404); // nothing was added without the key
        for (Call call : CALLS) {
            int status = request(call, KEY).then().extract().statusCode();
            assertThat(status).as("%s with the right key", call.endpoint()).isEqualTo(call.success());
        }
        given().when().get("/api/sources/" + SOURCE).then().statusCode(200);
    }

    @Test
    void readsNeedNoKey() {
        given().when().get("/api/sources").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    private static io.restassured.response.Response request(Call call, String key) {
        RequestSpecification request = given();
        if (key != null) {
            request = request.header(ApiKeyFilter.HEADER, key);
        }
        if (call.contentType() != null) {
            request = request.contentType(call.contentType()).body(call.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(call.endpoint().method(), call.pathAndQuery());
    }
}
