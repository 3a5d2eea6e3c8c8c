package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.loredigest.events.InstantText;
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
        String now = InstantText.format(clock.instant());
        Map<TopicUpdate, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        for (TopicUpdate update : updates) {
            String id = MessageKey.documentId(update.threadId());
            BulkOperation op = update.topic() == null
                    ? BulkOperation.of(b -> b.delete(d -> d.index(IndexSpec.TOPICS.alias()).id(id)))
                    : BulkOperation.of(b -> b.index(i -> i.index(IndexSpec.TOPICS.alias()).id(id)
                            .version(update.topic().version()).versionType(VersionType.External)
                            .document(document(update.topic(), now))));
            pending.put(update, bulk.add(op));
        }
        return bulk.await(pending);
    }

    /** The topic's document, serialised once by the service's mapper (see {@link TopicDocument}). */
    BinaryData document(ThreadClassified topic, String indexedAt) {
        try {
            return BinaryData.of(json.writeValueAsBytes(TopicDocument.of(topic, indexedAt)), ContentType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("topic " + topic.threadId() + " cannot be written as JSON", e);
        }
    }
}
