package org.loredigest.report.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.loredigest.events.ThreadClassified;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.elasticsearch.BackfillRefresh;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.report.elasticsearch.TopicIndexer;
import org.loredigest.report.elasticsearch.TopicIndexer.TopicUpdate;

/**
 * Keeps the topic read model current: every classified-thread record upserts its topic (newest version wins),
 * a tombstone removes it. Within a batch only the deciding record of each thread (highest version after the last
 * tombstone) is indexed ({@link NewestPerKey});
 * the superseded ones are acknowledged with the batch. Same acknowledgement rules as for mail: nothing is
 * acknowledged before Elasticsearch took it or its dead letter is stored.
 */
@ApplicationScoped
public class ClassifiedThreadConsumer {

    static final String STAGE = "report-service/index-topic";
    private static final Logger LOG = Logger.getLogger(ClassifiedThreadConsumer.class);

    private final TopicIndexer indexer;
    private final ObjectMapper json;
    private final ReportConfig config;
    private final DeadLetterPublisher deadLetters;
    private final BackfillRefresh backfill;
    private final Counter collapsedRecords;

    public ClassifiedThreadConsumer(TopicIndexer indexer, ObjectMapper json, ReportConfig config,
                                    @Channel(Channels.THREAD_CLASSIFIED_DLQ) MutinyEmitter<byte[]> deadLetters,
                                    BackfillRefresh backfill, MeterRegistry metrics) {
        this.indexer = indexer;
        this.json = json;
        this.config = config;
        this.deadLetters = new DeadLetterPublisher(deadLetters, json, STAGE);
        this.backfill = backfill;
        this.collapsedRecords = Counter.builder("lore.report.topics.collapsed")
                .description("classified-thread records skipped because a newer version of the topic was in the same batch")
                .register(metrics);
    }

    @Incoming(Channels.THREAD_CLASSIFIED)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> batch) {
        // A backfill carries many versions of a topic per batch; only the newest of each is parsed and indexed.
        NewestPerKey.Collapsed<String, byte[]> collapsed = NewestPerKey.of(batch, this::versionOf);
        List<TopicUpdate> updates = new ArrayList<>();
        Map<TopicUpdate, ConsumerRecord<String, byte[]>> origin = new IdentityHashMap<>();
        for (Deque<ConsumerRecord<String, byte[]>> versions : collapsed.candidates()) {
            for (ConsumerRecord<String, byte[]> record : versions) {
                TopicUpdate update = read(record);
                if (update != null) {
                    updates.add(update);
                    origin.put(update, record);
                    break;
                }
            }
        }
        collapsedRecords.increment(collapsed.collapsed());
        LOG.debugf("classified-thread batch of %d records: %d superseded in the batch, %d topic updates",
                batch.count(), collapsed.collapsed(), updates.size());
        IndexRetry.run(updates, indexer::index,
                (update, reason) -> deadLetters.publish(origin.get(update), reason, "ElasticsearchRefused"),
                config.indexRetryFor());
        backfill.batchIndexed(IndexSpec.TOPICS, batch.count(), BackfillRefresh.freshest(batch));
    }

    /**
     * The record's {@code version}, read from the first fields of the JSON without parsing the rest; unreadable
     * records answer {@link Long#MIN_VALUE} and are tried last (and dead-lettered when read in full).
     */
    private long versionOf(ConsumerRecord<String, byte[]> record) {
        try (JsonParser parser = json.getFactory().createParser(record.value())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Long.MIN_VALUE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("version".equals(field)) {
                    return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : Long.MIN_VALUE;
                }
                parser.skipChildren();
            }
            return Long.MIN_VALUE;
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The record as an update, or null when it was dead-lettered. */
    private TopicUpdate read(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            deadLetters.publish(record, "classified thread without a key", "MissingKey");
            return null;
        }
        try {
            return record.value() == null
                    ? new TopicUpdate(record.key(), null)
                    : new TopicUpdate(record.key(), json.readValue(record.value(), ThreadClassified.class));
        } catch (IOException | RuntimeException e) {
            deadLetters.publish(record, "not a ThreadClassified JSON document: " + e.getMessage(), e.getClass().getSimpleName());
            return null;
        }
    }
}
