package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sets up the read model at start-up: templates (always, so mapping fixes reach new indices), indices, aliases. Fields
 * added to a template are also added to its existing index; any other mapping change needs a new index version.
 */
@ApplicationScoped
public class ReadModelIndices {

    static final List<IndexSpec> ALL = List.of(IndexSpec.MAILS, IndexSpec.TOPICS, IndexSpec.DIGESTS, IndexSpec.SUMMARIES);
    private static final Logger LOG = Logger.getLogger(ReadModelIndices.class);
    private static final String DEFAULT_REFRESH_INTERVAL = "1s";

    private final ElasticsearchClient client;

    public ReadModelIndices(ElasticsearchClient client) {
        this.client = client;
    }

    void onStart(@Observes StartupEvent event) {
        ALL.forEach(this::ensureExists);
    }

    public void ensureExists(IndexSpec spec) {
        try {
            PutIndexTemplateRequest request = template(spec);
            client.indices().putIndexTemplate(request);
            if (client.indices().exists(e -> e.index(spec.index())).value()) {
                if (request.template() != null && request.template().mappings() != null) {
                    addNewFields(spec, request.template().mappings());
                }
                return;
            }
            client.indices().create(c -> c.index(spec.index()).aliases(spec.alias(), a -> a.isWriteIndex(true)));
            LOG.infof("created index %s with alias %s", spec.index(), spec.alias());
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached to set up " + spec.index(), e);
        }
    }

    /** The refresh interval the index is created with: its template's, else Elasticsearch's default. */
    public static String normalRefreshInterval(IndexSpec spec) {
        PutIndexTemplateRequest request = template(spec);
        if (request.template() == null || request.template().settings() == null
                || request.template().settings().refreshInterval() == null) {
            return DEFAULT_REFRESH_INTERVAL;
        }
        Time interval = request.template().settings().refreshInterval();
        return interval.isTime() ? interval.time() : String.valueOf(interval.offset());
    }

    private static PutIndexTemplateRequest template(IndexSpec spec) {
        try (InputStream template = ReadModelIndices.class.getResourceAsStream(spec.templateResource())) {
            if (template == null) {
                throw new IllegalStateException("index template " + spec.templateResource() + " is missing");
            }
            return PutIndexTemplateRequest.of(t -> t.withJson(template).name(spec.template()));
        } catch (IOException e) {
            throw new UncheckedIOException("index template " + spec.templateResource() + " unreadable", e);
        }
    }

    private void addNewFields(IndexSpec spec, TypeMapping mapping) throws IOException {
        try {
            client.indices().putMapping(m -> m.index(spec.index()).properties(mapping.properties()));
        } catch (ElasticsearchException e) {
            throw new IllegalStateException("the mapping of " + spec.template() + " changed incompatibly with the existing "
                    + spec.index() + "; make it a new index version: " + e.getMessage(), e);
        }
    }
}
