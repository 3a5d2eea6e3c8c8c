package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.events.MessageKey;

/** When mails were written, by Message-ID, from {@link IndexSpec#MAILS}: dates of evidence kept in other threads. */
@ApplicationScoped
public class MailDates {

    /** What is read of a mail document. */
    public record Dated(String messageId, Instant date) {
    }

    private static final int BATCH = 1_000;

    private final ElasticsearchClient client;

    public MailDates(ElasticsearchClient client) {
        this.client = client;
    }

    /** Dates of the mails that are indexed; ids not found are left out. */
    public Map<String, Instant> of(Collection<String> messageIds) throws IOException {
        Map<String, Instant> out = new HashMap<>();
        List<String> ids = new ArrayList<>(messageIds);
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH)).stream().map(MessageKey::documentId).toList();
            MgetResponse<Dated> response = client.mget(m -> m.index(IndexSpec.MAILS.alias()).ids(batch)
                    .sourceIncludes("messageId", "date"), Dated.class);
            for (MultiGetResponseItem<Dated> item : response.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null
                        && item.result().source().date() != null) {
                    out.put(item.result().source().messageId(), item.result().source().date());
                }
            }
        }
        return out;
    }
}
