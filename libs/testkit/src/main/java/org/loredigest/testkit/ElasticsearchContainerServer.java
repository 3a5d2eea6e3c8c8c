package org.loredigest.testkit;

import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.utility.DockerImageName;

/** The node as a Testcontainers container (official image, same version as the process node, security off). */
final class ElasticsearchContainerServer implements ElasticsearchServer {

    private final ElasticsearchContainer container;

    private ElasticsearchContainerServer(ElasticsearchContainer container) {
        this.container = container;
    }

    static ElasticsearchContainerServer start() {
        DockerImageName image = DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch")
                .withTag(TestkitPaths.elasticsearchVersion());
        ElasticsearchContainer container = new ElasticsearchContainer(image)
                .withEnv("xpack.security.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                // With security off there is no CA certificate to copy out of the container.
                .withCertPath("");
        container.start();
        return new ElasticsearchContainerServer(container);
    }

    @Override
    public String hostAndPort() {
        return container.getHttpHostAddress();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "Elasticsearch container " + container.getDockerImageName() + " at " + httpUrl();
    }
}
