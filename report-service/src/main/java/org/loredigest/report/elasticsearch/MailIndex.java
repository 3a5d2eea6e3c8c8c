package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * The mail read model: an index template for {@code lore-mails-v*} and the current versioned index behind the
 * stable alias {@link #ALIAS}. A mapping change is a new template version, a new index and an alias switch; readers
 * never notice.
 */
@ApplicationScoped
public class MailIndex {

    /** Readers and writers use the alias, never the versioned name. */
    public static final String ALIAS = "lore-mails";
    public static final String INDEX = "lore-mails-v1";
    static final String TEMPLATE = "lore-mails";
    static final String TEMPLATE_RESOURCE = "/elasticsearch/lore-mails-template.json";

    private static final Logger LOG = Logger.getLogger(MailIndex.class);

    private final ElasticsearchClient client;

    public MailIndex(ElasticsearchClient client) {
        this.client = client;
    }

    void onStart(@Observes StartupEvent event) {
        ensureExists();
    }

    /** Installs the template (always, so mapping fixes reach new indices) and creates the index with its alias. */
    public void ensureExists() {
        try (InputStream template = MailIndex.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            client.indices().putIndexTemplate(t -> t.withJson(template).name(TEMPLATE));
            if (client.indices().exists(e -> e.index(INDEX)).value()) {
                return;
            }
            client.indices().create(c -> c.index(INDEX).aliases(ALIAS, a -> a.isWriteIndex(true)));
            LOG.infof("created index %s with alias %s", INDEX, ALIAS);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be reached to set up " + INDEX, e);
        }
    }
}
