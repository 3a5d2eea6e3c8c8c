package org.loredigest.report.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.loredigest.events.MailParsed;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.elasticsearch.BackfillRefresh;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.report.elasticsearch.MailIndexer;

/**
 * Indexes batches of parsed mail. A batch is acknowledged (by returning) only after Elasticsearch took every
 * document of it or the refused ones are safely in the dead-letter topic; while Elasticsearch is unavailable the
 * batch is retried with backoff, so nothing is lost and nothing is skipped.
 */
@ApplicationScoped
public class ParsedMailConsumer {

    static final String STAGE = "report-service/index-mail";

    private final MailIndexer indexer;
    private final ObjectMapper json;
    private final ReportConfig config;
    private final DeadLetterPublisher deadLetters;
    private final BackfillRefresh backfill;

    public ParsedMailConsumer(MailIndexer indexer, ObjectMapper json, ReportConfig config,
                              @Channel(Channels.MAIL_PARSED_DLQ) MutinyEmitter<byte[]> deadLetters,
                              BackfillRefresh backfill) {
        this.indexer = indexer;
        this.backfill = backfill;
        this.json = json;
        this.config = config;
        this.deadLetters = new DeadLetterPublisher(deadLetters, json, STAGE);
    }

    @Incoming(Channels.MAIL_PARSED)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> batch) {
        List<MailParsed> mails = new ArrayList<>();
        Map<MailParsed, ConsumerRecord<String, byte[]>> origin = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                MailParsed mail = json.readValue(record.value(), MailParsed.class);
                mails.add(mail);
                origin.put(mail, record);
            } catch (IOException | RuntimeException e) {
                deadLetters.publish(record, "not a MailParsed JSON document: " + e.getMessage(), e.getClass().getSimpleName());
            }
        }
        IndexRetry.run(mails, indexer::index,
                (mail, reason) -> deadLetters.publish(origin.get(mail), reason, "ElasticsearchRefused"),
                config.indexRetryFor());
        backfill.batchIndexed(IndexSpec.MAILS, batch.count(), BackfillRefresh.freshest(batch));
    }
}
