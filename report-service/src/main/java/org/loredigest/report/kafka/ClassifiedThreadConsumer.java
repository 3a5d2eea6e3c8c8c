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
import org.loredigest.events.ThreadClassified;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.elasticsearch.TopicIndexer;
import org.loredigest.report.elasticsearch.TopicIndexer.TopicUpdate;

/**
 * Keeps the topic read model current: every classified-thread record upserts its topic (newest version wins),
 * a tombstone removes it. Same acknowledgement rules as for mail: nothing is acknowledged before Elasticsearch
 * took it or its dead letter is stored.
 */
@ApplicationScoped
public class ClassifiedThreadConsumer {

    static final String STAGE = "report-service/index-topic";

    private final TopicIndexer indexer;
    private final ObjectMapper json;
    private final ReportConfig config;
    private final DeadLetterPublisher deadLetters;

    public ClassifiedThreadConsumer(TopicIndexer indexer, ObjectMapper json, ReportConfig config,
                                    @Channel(Channels.THREAD_CLASSIFIED_DLQ) MutinyEmitter<byte[]> deadLetters) {
        this.indexer = indexer;
        this.json = json;
        this.config = config;
        this.deadLetters = new DeadLetterPublisher(deadLetters, json, STAGE);
    }

    @Incoming(Channels.THREAD_CLASSIFIED)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> batch) {
        // Within a batch only the last record of a thread matters.
        Map<String, TopicUpdate> latest = new LinkedHashMap<>();
        Map<TopicUpdate, ConsumerRecord<String, byte[]>> origin = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                TopicUpdate update = record.value() == null
                        ? new TopicUpdate(record.key(), null)
                        : new TopicUpdate(record.key(), json.readValue(record.value(), ThreadClassified.class));
                if (update.threadId() == null) {
                    deadLetters.publish(record, "classified thread without a key", "MissingKey");
                    continue;
                }
                latest.remove(update.threadId());
                latest.put(update.threadId(), update);
                origin.put(update, record);
            } catch (IOException | RuntimeException e) {
                deadLetters.publish(record, "not a ThreadClassified JSON document: " + e.getMessage(), e.getClass().getSimpleName());
            }
        }
        IndexRetry.run(List.copyOf(latest.values()), indexer::index,
                (update, reason) -> deadLetters.publish(origin.get(update), reason, "ElasticsearchRefused"),
                config.indexRetryFor());
    }
}
