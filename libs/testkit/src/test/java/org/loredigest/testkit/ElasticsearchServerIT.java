package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchServerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void indexedDocumentIsFoundBySearch() throws Exception {
        ElasticsearchServer elasticsearch = SharedServers.timed("Elasticsearch (shared)", ElasticsearchServer::shared);
        assertThat(elasticsearch.httpUrl()).isEqualTo("http://" + elasticsearch.hostAndPort());

        String index = elasticsearch.httpUrl() + "/testkit-mail";
        HttpResponse<String> created = send("PUT", index + "/_doc/1?refresh=true",
                "{\"subject\":\"[PATCH v5 05/37] fs: Convert alloc_inode_sb() to a macro\",\"list\":\"cgroups\"}");
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);

        HttpResponse<String> found = send("POST", index + "/_search",
                "{\"query\":{\"match\":{\"subject\":\"alloc_inode_sb\"}}}");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("\"total\":{\"value\":1").contains("fs: Convert alloc_inode_sb()");
    }

    @Test
    void quarkusTestResourcePointsAtTheSharedNodeWithoutDevServices() throws Exception {
        Map<String, String> config = new ElasticsearchTestResource().start();
        assertThat(config).containsEntry("quarkus.elasticsearch.hosts", ElasticsearchServer.shared().hostAndPort())
                .containsEntry("quarkus.elasticsearch.devservices.enabled", "false");
        assertThat(send("GET", ElasticsearchServer.shared().httpUrl() + "/_cluster/health", null).body())
                .containsPattern("\"status\":\"(green|yellow)\"");
    }
}
