package org.loredigest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.loredigest.testkit.WriteEndpoints;

/**
 * classify-service only reads Kafka and answers health and metrics: it has no write endpoint, so it has no API key.
 * A write endpoint added here must come with the same key check as ingest-service and report-service
 * ({@code org.loredigest.events.http.WriteAccess}) and a test like their {@code WriteEndpointsIT}.
 */
class NoWriteEndpointsTest {

    @Test
    void hasNoWriteEndpoints() {
        assertThat(WriteEndpoints.in(Path.of("target", "classes"), getClass().getClassLoader())).isEmpty();
    }
}
