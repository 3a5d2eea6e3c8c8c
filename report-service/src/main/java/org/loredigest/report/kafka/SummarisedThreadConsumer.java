package org.loredigest.report.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.loredigest.events.ThreadSummarised;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.elasticsearch.SummaryStore;

/**
 * Stores language-model summaries as they arrive (the newest per thread wins). Same acknowledgement rules as for
 * topics: nothing is acknowledged before Elasticsearch took it or its dead letter is stored.
 */
@ApplicationScoped
public class SummarisedThreadConsumer {

    static final String STAGE = "report-service/index-summary";

    private final SummaryStore store;
    private final ObjectMapper json;
    private final ReportConfig config;
    private final DeadLetterPublisher deadLetters;

    public SummarisedThreadConsumer(SummaryStore store, ObjectMapper json, ReportConfig config,
                                    @Channel(Channels.THREAD_SUMMARISED_DLQ) MutinyEmitter<byte[]> deadLetters) {
        this.store = store;
        this.json = json;
        this.config = config;
        this.deadLetters = new DeadLetterPublisher(deadLetters, json, STAGE);
    }

    @Incoming(Channels.THREAD_SUMMARISED)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> batch) {
        Map<String, ThreadSummarised> latest = new LinkedHashMap<>();
        Map<ThreadSummarised, ConsumerRecord<String, byte[]>> origin = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            if (record.value() == null) {
                continue; // compaction tombstone: nothing to store
            }
            try {
                ThreadSummarised s = json.readValue(record.value(), ThreadSummarised.class);
                if (s.threadId() == null || s.contentHash() == null || s.summary() == null) {
                    deadLetters.publish(record, "summary without thread id, content hash or fields", "Incomplete");
                    continue;
                }
                latest.remove(s.threadId());
                latest.put(s.threadId(), s);
                origin.put(s, record);
            } catch (IOException | RuntimeException e) {
                deadLetters.publish(record, "not a ThreadSummarised JSON document: " + e.getMessage(), e.getClass().getSimpleName());
            }
        }
        IndexRetry.run(List.copyOf(latest.values()), store::index,
                (s, reason) -> deadLetters.publish(origin.get(s), reason, "ElasticsearchRefused"), config.indexRetryFor());
    }
}
