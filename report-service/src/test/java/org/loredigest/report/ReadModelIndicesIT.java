package org.loredigest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.report.elasticsearch.ReadModelIndices;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;

/** An index made from an older template gets the fields added since; an incompatible change is refused loudly. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class ReadModelIndicesIT {

    static final IndexSpec EVOLVING = new IndexSpec("it-evolving", "it-evolving-v1", "it-evolving",
            "/elasticsearch/it-evolving-template.json");

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    ReadModelIndices indices;

    @Test
    void fieldsAddedToTheTemplateReachTheExistingIndex() throws Exception {
        elasticsearch.indices().create(c -> c.index(EVOLVING.index()).withJson(new StringReader(
                "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"name\":{\"type\":\"keyword\"}}}}")));

        indices.ensureExists(EVOLVING);

        elasticsearch.index(i -> i.index(EVOLVING.index()).id("1").document(Map.of("name", "a", "author_bot", true)));
        var mapping = elasticsearch.indices().getMapping(m -> m.index(EVOLVING.index())).get(EVOLVING.index());
        assertThat(mapping.mappings().properties()).containsKeys("name", "author_bot");
    }

    @Test
    void anIncompatibleChangeNeedsANewIndexVersion() throws Exception {
        IndexSpec clash = new IndexSpec("it-clash", "it-evolving-v2", "it-evolving", EVOLVING.templateResource());
        elasticsearch.indices().create(c -> c.index(clash.index()).withJson(new StringReader(
                "{\"mappings\":{\"properties\":{\"author_bot\":{\"type\":\"keyword\"}}}}")));

        assertThatThrownBy(() -> indices.ensureExists(clash)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("new index version");
    }
}
