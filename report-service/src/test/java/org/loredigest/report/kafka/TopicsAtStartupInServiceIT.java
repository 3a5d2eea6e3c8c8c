package org.loredigest.report.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.loredigest.servicekit.kafka.TopicsAtStartup;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;

/**
 * The service kit's {@link TopicsAtStartup} is a bean of report-service (the kit's jar is a bean archive) and has
 * made the pipeline's topics as the specs say by the time the service is up. The test broker also creates topics on
 * first use, with its defaults, so without the bean the other tests would not notice.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class TopicsAtStartupInServiceIT {

    @Inject
    TopicsAtStartup topics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theServiceMadeEveryTopicWithTheSharedSpecAtStartUp() throws Exception {
        assertThat(topics).isNotNull();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            TopicsAtStartupIT.assertMatchesSpecs(admin);
        }
    }
}
