package org.loredigest.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.loredigest.ingest.domain.ImportResult;
import org.loredigest.ingest.domain.MboxImport;
import org.loredigest.ingest.kafka.KafkaMailSink;
import org.loredigest.ingest.kafka.ReceivedMailProducer;

/** Runs mbox imports against Kafka; shared by the REST endpoint and the command line. */
@ApplicationScoped
public class MailImporter {

    private static final Logger LOG = Logger.getLogger(MailImporter.class);

    private final ReceivedMailProducer producer;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public MailImporter(ReceivedMailProducer producer, ObjectMapper json, IngestConfig config, MeterRegistry metrics) {
        this.producer = producer;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
    }

    public ImportResult importMbox(InputStream mbox, String list, String source) {
        KafkaMailSink sink = new KafkaMailSink(producer.producer(), json);
        ImportResult result = new MboxImport(sink, Clock.systemUTC(), config.maxMessageBytes()).run(mbox, list, source);
        metrics.counter("lore.ingest.messages", "list", list, "outcome", "published").increment(result.messages());
        metrics.counter("lore.ingest.messages", "list", list, "outcome", "dead-lettered").increment(result.rejected());
        LOG.infof("imported %d messages (%d dead-lettered, %d bytes) for list %s from %s in %d ms", result.messages(),
                result.rejected(), result.bytes(), list, source, result.millis());
        return result;
    }
}
