package org.loredigest.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.loredigest.ingest.domain.ImportResult;
import org.loredigest.ingest.domain.ImportSession;
import org.loredigest.ingest.domain.files.LocalMail;
import org.loredigest.ingest.kafka.KafkaMailSink;
import org.loredigest.ingest.kafka.ReceivedMailProducer;
import org.loredigest.ingest.runtime.SourceManager;

/** Runs imports of local mail against Kafka; shared by the REST endpoints and the command line. */
@ApplicationScoped
public class MailImporter {

    private static final Logger LOG = Logger.getLogger(MailImporter.class);

    private final ReceivedMailProducer producer;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final SourceManager sources;

    public MailImporter(ReceivedMailProducer producer, ObjectMapper json, IngestConfig config, MeterRegistry metrics,
                        SourceManager sources) {
        this.producer = producer;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
        this.sources = sources;
    }

    /** An mbox, gzipped mbox or single message stream. */
    public ImportResult importStream(InputStream in, String list, String source) throws IOException {
        ImportSession session = session(list, source);
        localMail().readStream(in, session);
        return finish(session);
    }

    /** A file (mbox, .gz, .eml) or a maildir folder; {@code started} sees the session (for progress). */
    public ImportResult importPath(Path path, String list, Consumer<ImportSession> started) throws IOException {
        ImportSession session = session(list, LocalMail.sourceLabel(path));
        started.accept(session);
        localMail().readPath(path, session);
        return finish(session);
    }

    private ImportSession session(String list, String source) {
        return new ImportSession(new KafkaMailSink(producer.producer(), json), Clock.systemUTC(),
                config.maxMessageBytes(), sources.duplicateFilter(), list, source);
    }

    private LocalMail localMail() {
        return new LocalMail(new LocalMail.Limits(config.maxMessageBytes(), config.gzip().maxDecompressedBytes(),
                config.gzip().maxRatio()));
    }

    private ImportResult finish(ImportSession session) {
        ImportResult result = session.finish();
        metrics.counter("lore.ingest.messages", "list", result.list(), "outcome", "published").increment(result.messages());
        metrics.counter("lore.ingest.messages", "list", result.list(), "outcome", "dead-lettered").increment(result.rejected());
        metrics.counter("lore.ingest.messages", "list", result.list(), "outcome", "duplicate").increment(result.duplicates());
        LOG.infof("imported %d messages (%d dead-lettered, %d duplicates, %d bytes) for list %s from %s in %d ms",
                result.messages(), result.rejected(), result.duplicates(), result.bytes(), result.list(), result.source(),
                result.millis());
        return result;
    }
}
