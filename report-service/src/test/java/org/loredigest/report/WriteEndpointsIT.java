package org.loredigest.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.report.api.ApiKeyFilter;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;
import org.loredigest.testkit.WriteEndpoints;
import org.loredigest.testkit.WriteEndpoints.Endpoint;

/**
 * Every state-changing endpoint of report-service refuses a request without the API key or with a wrong one, and
 * does its work with the right one. The endpoints come from the resource classes themselves: one added without an
 * entry here fails {@link #everyWriteEndpointIsExercisedHere()}.
 */
@QuarkusTest
@TestProfile(WriteEndpointsIT.KeyProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class WriteEndpointsIT {

    static final String KEY = "write-endpoints-" + Long.toHexString(System.nanoTime());

    public static class KeyProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lore.report.api-key", KEY);
        }
    }

    record Call(Endpoint endpoint, String pathAndQuery, int success) {
    }

    static final List<Call> CALLS = List.of(
            new Call(new Endpoint("POST", "/api/digests/weekly"), "/api/digests/weekly?week=2023-01-04", 200));

    @Test
    void everyWriteEndpointIsExercisedHere() {
        List<Endpoint> found = WriteEndpoints.in(Path.of("target", "classes"), getClass().getClassLoader());
        assertThat(found).as("write endpoints of report-service's resource classes").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(CALLS.stream().map(Call::endpoint).toList());
    }

    @Test
    void writesWithoutTheRightKeyAreRefusedAndWithItTheyWork() {
        for (Call call : CALLS) {
            request(call, null).then().statusCode(401).body("error", containsString(ApiKeyFilter.HEADER));
            request(call, "wrong-" + KEY).then().statusCode(401);
            request(call, KEY.substring(0, KEY.length() - 1)).then().statusCode(401);
            request(call, "").then().statusCode(401);
        }
        given().when().get("/api/digests/weekly/weekly-all-2023-01-02-2023-01-08").then().statusCode(404);
        for (Call call : CALLS) {
            int status = request(call, KEY).then().extract().statusCode();
            assertThat(status).as("%s with the right key", call.endpoint()).isEqualTo(call.success());
        }
        given().when().get("/api/digests/weekly/weekly-all-2023-01-02-2023-01-08").then().statusCode(200);
    }

    @Test
    void readsNeedNoKey() {
        given().when().get("/api/digests/weekly").then().statusCode(200);
        given().when().get("/api/digests/weekly/feed.atom").then().statusCode(200);
        given().when().get("/api/digest?from=2023-01-02&to=2023-01-08").then().statusCode(200);
    }

    private static io.restassured.response.Response request(Call call, String key) {
        RequestSpecification request = given();
        if (key != null) {
            request = request.header(ApiKeyFilter.HEADER, key);
        }
        return request.when().request(call.endpoint().method(), call.pathAndQuery());
    }
}
