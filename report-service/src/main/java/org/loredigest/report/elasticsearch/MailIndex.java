package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * The mail read model: a versioned index behind a stable alias, so a mapping change is a new index plus an alias
 * switch, and readers never notice.
 */
@ApplicationScoped
public class MailIndex {

    /** Readers and writers use the alias, never the versioned name. */
    public static final String ALIAS = "lore-mails";
    public static final String INDEX = "lore-mails-v1";
    static final String MAPPING_RESOURCE = "/elasticsearch/lore-mails-v1.json";

    private static final Logger LOG = Logger.getLogger(MailIndex.class);

    private final ElasticsearchClient client;

    public MailIndex(ElasticsearchClient client) {
        this.client = client;
    }

    void onStart(@Observes StartupEvent event) {
        ensureExists();
    }

    /** Creates the index with its explicit mapping and alias unless it exists. */
    public void ensureExists() {
        try {
            if (client.indices().exists(e -> e.index(INDEX)).value()) {
                return;
            }
            try (InputStream mapping = MailIndex.class.getResourceAsStream(MAPPING_RESOURCE)) {
                client.indices().create(c -> c.index(INDEX).withJson(mapping).aliases(ALIAS, a -> a.isWriteIndex(true)));
            }
            LOG.infof("created index %s with alias %s", INDEX, ALIAS);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached to create " + INDEX, e);
        }
    }
}
