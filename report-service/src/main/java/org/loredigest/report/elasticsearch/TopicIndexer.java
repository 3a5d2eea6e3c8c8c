package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.loredigest.events.MessageKey;
import org.loredigest.events.ThreadClassified;
import org.loredigest.report.elasticsearch.BulkWriter.ItemOutcome;

/**
 * Upserts classified threads into {@link IndexSpec#TOPICS}: one document per thread id, written with the record's
 * {@code version} as an external version so an older classification arriving late never overwrites a newer one.
 * A tombstone (thread re-homed into another) deletes the document.
 */
@ApplicationScoped
public class TopicIndexer {

    /** A thread's new state, or its removal when {@code topic} is null. */
    public record TopicUpdate(String threadId, ThreadClassified topic) {
    }

    private final BulkWriter bulk;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public TopicIndexer(BulkWriter bulk, ObjectMapper json) {
        this.bulk = bulk;
        this.json = json;
    }

    public IndexOutcome<TopicUpdate> index(List<TopicUpdate> updates) {
        Instant now = clock.instant();
        Map<TopicUpdate, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        for (TopicUpdate update : updates) {
            String id = MessageKey.documentId(update.threadId());
            BulkOperation op = update.topic() == null
                    ? BulkOperation.of(b -> b.delete(d -> d.index(IndexSpec.TOPICS.alias()).id(id)))
                    : BulkOperation.of(b -> b.index(i -> i.index(IndexSpec.TOPICS.alias()).id(id)
                            .version(update.topic().version()).versionType(VersionType.External)
                            .document(bulk.json(document(update.topic(), now)))));
            pending.put(update, bulk.add(op));
        }
        return bulk.await(pending);
    }

    /** The event as is, plus flat facet fields for Kibana and GrimoireLab-style dashboards. */
    ObjectNode document(ThreadClassified topic, Instant indexedAt) {
        ObjectNode doc = json.valueToTree(topic);
        doc.put("list", topic.lists().isEmpty() ? "" : topic.lists().get(0));
        doc.put("kind", topic.rootKind());
        if (topic.author() != null) {
            doc.put("author_name", topic.author().name());
            doc.put("author_domain", domainOf(topic.author().email()));
            doc.put("author_bot", topic.author().bot());
        }
        if (topic.firstActivity() != null) {
            doc.put("grimoire_creation_date", topic.firstActivity().toString());
        }
        doc.put("indexedAt", indexedAt.toString());
        return doc;
    }

    static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at >= 0 && at < email.length() - 1 ? email.substring(at + 1).toLowerCase(java.util.Locale.ROOT) : null;
    }
}
