package org.loredigest.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared real Elasticsearch node ({@link ElasticsearchServer#shared()}) and
 * turns Elasticsearch Dev Services off. Use with {@code @WithTestResource(ElasticsearchTestResource.class)}.
 */
public class ElasticsearchTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.elasticsearch.hosts", ElasticsearchServer.shared().hostAndPort(),
                "quarkus.elasticsearch.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The node is shared by every test of this JVM and stops when the JVM exits.
    }
}
