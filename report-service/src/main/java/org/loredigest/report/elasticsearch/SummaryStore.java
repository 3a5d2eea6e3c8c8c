package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.loredigest.events.MessageKey;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadSummarised;
import org.loredigest.report.elasticsearch.BulkWriter.ItemOutcome;

/**
 * Keeps language-model summaries in {@link IndexSpec#SUMMARIES}, one document per thread id (the newest answer wins,
 * as on the compacted topic), and lays them over topics as they are read: a topic shows the model's fields only
 * while its extractive summary was made from the same content ({@code contentHash}), so a reply that arrived since
 * is never hidden behind an older summary.
 */
@ApplicationScoped
public class SummaryStore {

    private static final int MGET_CHUNK = 1_000;

    private final BulkWriter bulk;
    private final ElasticsearchClient client;
    private final ObjectMapper json;

    public SummaryStore(BulkWriter bulk, ElasticsearchClient client, ObjectMapper json) {
        this.bulk = bulk;
        this.client = client;
        this.json = json;
    }

    public IndexOutcome<ThreadSummarised> index(List<ThreadSummarised> summaries) {
        Map<ThreadSummarised, CompletableFuture<ItemOutcome>> pending = new LinkedHashMap<>();
        for (ThreadSummarised s : summaries) {
            BulkOperation op = BulkOperation.of(b -> b.index(i -> i.index(IndexSpec.SUMMARIES.alias())
                    .id(MessageKey.documentId(s.threadId())).document(bulk.json(json.valueToTree(s)))));
            pending.put(s, bulk.add(op));
        }
        return bulk.await(pending);
    }

    /** The topics, each with the model's summary in place of the extractive one where the content matches. */
    public List<ThreadClassified> overlay(List<ThreadClassified> topics) throws IOException {
        return overlay(topics, byThreadId(topics.stream().map(ThreadClassified::threadId).toList()), json);
    }

    static List<ThreadClassified> overlay(List<ThreadClassified> topics, Map<String, ThreadSummarised> byThread,
                                          ObjectMapper json) {
        if (byThread.isEmpty()) {
            return topics;
        }
        List<ThreadClassified> out = new ArrayList<>(topics.size());
        for (ThreadClassified t : topics) {
            ThreadSummarised s = byThread.get(t.threadId());
            boolean current = s != null && t.summary() != null && s.contentHash().equals(t.summary().contentHash());
            out.add(current ? withSummary(t, s.summary(), json) : t);
        }
        return out;
    }

    private Map<String, ThreadSummarised> byThreadId(List<String> threadIds) throws IOException {
        Map<String, ThreadSummarised> found = new HashMap<>();
        for (int from = 0; from < threadIds.size(); from += MGET_CHUNK) {
            List<String> ids = threadIds.subList(from, Math.min(threadIds.size(), from + MGET_CHUNK)).stream()
                    .map(MessageKey::documentId).toList();
            co.elastic.clients.elasticsearch.core.MgetResponse<ThreadSummarised> response;
            try {
                response = client.mget(m -> m.index(IndexSpec.SUMMARIES.alias()).ids(ids), ThreadSummarised.class);
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                if ("index_not_found_exception".equals(e.error().type())) {
                    return found; // no model summaries stored yet: every topic keeps its own fields
                }
                throw e;
            }
            for (MultiGetResponseItem<ThreadSummarised> item : response.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    ThreadSummarised s = item.result().source();
                    found.put(s.threadId(), s);
                }
            }
        }
        return found;
    }

    /** Through JSON, so the overlay keeps working whatever components the topic record gains. */
    static ThreadClassified withSummary(ThreadClassified topic, ThreadClassified.Summary summary, ObjectMapper json) {
        ObjectNode tree = json.valueToTree(topic);
        tree.set("summary", json.valueToTree(summary));
        return json.convertValue(tree, ThreadClassified.class);
    }
}
