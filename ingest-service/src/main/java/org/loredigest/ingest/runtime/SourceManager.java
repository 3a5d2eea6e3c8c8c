package org.loredigest.ingest.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.ingest.IngestConfig;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.ingest.domain.source.SourcePolicy;
import org.loredigest.ingest.domain.source.SourceRefusedException;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSettings;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.kafka.KafkaCheckpointStore;
import org.loredigest.ingest.kafka.ReceivedMailProducer;
import org.loredigest.ingest.kafka.SeenWarmUp;
import org.loredigest.ingest.kafka.TransactionalSourceSink;

/**
 * Runs every source on its own thread. At start-up: the transactional producers of the configured sources are
 * initialised first (aborting what a crashed predecessor left open), then the checkpoints are read (and the sources
 * added through the API are re-created from theirs), the duplicate memory is refilled, and the sources start.
 */
@ApplicationScoped
public class SourceManager {

    private static final Logger LOG = Logger.getLogger(SourceManager.class);

    private final IngestConfig config;
    private final ReceivedMailProducer kafka;
    private final SourceFactory factory;
    private final ObjectMapper json;
    private final SeenMessages seen;
    private final DuplicateFilter filter;
    private final SourceMetrics metrics;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(SourceRunner runner, TransactionalSourceSink sink, Thread thread) {
    }

    public SourceManager(IngestConfig config, ReceivedMailProducer kafka, SourceFactory factory, ObjectMapper json,
                         SourceMetrics metrics) {
        this.config = config;
        this.kafka = kafka;
        this.factory = factory;
        this.json = json;
        this.metrics = metrics;
        this.seen = new SeenMessages(config.dedup().capacity());
        this.filter = new DuplicateFilter(seen);
    }

    /** Shared with uploads, so an uploaded copy of followed mail is recognised too. */
    public DuplicateFilter duplicateFilter() {
        return filter;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        List<SourceSpec> configured = new ArrayList<>();
        config.sources().forEach((name, s) -> {
            if (s.enabled()) {
                configured.add(new SourceSpec(name, SourceType.of(s.type()), s.list(), s.url(), s.pollInterval(),
                        s.since().orElse(null), SourceSpec.ORIGIN_CONFIG));
            }
        });
        // a configured source the policy refuses is a configuration error: the service does not start
        configured.forEach(spec -> factory.policy().checkDefinition(spec));
        Map<String, TransactionalSourceSink> sinks = new ConcurrentHashMap<>();
        configured.forEach(spec -> sinks.put(spec.name(), sink(spec.name())));
        KafkaCheckpointStore store = new KafkaCheckpointStore(kafka.committedReaderConfig(), json);
        Map<String, IngestCheckpoint> checkpoints = store.loadAll();
        List<SourceSpec> fromApi = checkpoints.values().stream()
                .filter(c -> SourceSpec.ORIGIN_API.equals(c.origin()) && !sinks.containsKey(c.source()))
                .map(SourceManager::specOf).filter(this::allowedAtStart).toList();
        if (!fromApi.isEmpty()) {
            fromApi.forEach(spec -> sinks.put(spec.name(), sink(spec.name())));
            checkpoints = store.loadAll(); // their producers just aborted what was left open
        }
        long warm = SeenWarmUp.fill(seen, kafka.committedReaderConfig(), config.dedup().warmUpRecords());
        LOG.infof("remembered %d recently published keys; starting %d source(s)", warm, sinks.size());
        for (SourceSpec spec : configured) {
            start(spec, checkpoints.get(spec.name()), sinks.get(spec.name()));
        }
        for (SourceSpec spec : fromApi) {
            start(spec, checkpoints.get(spec.name()), sinks.get(spec.name()));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running.values().forEach(r -> r.runner().stop());
        for (Running r : running.values()) {
            try {
                r.thread().join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.sink().close();
        }
    }

    /**
     * Adds a source at run time: its definition is committed with its first checkpoint, so every instance started
     * later re-creates it.
     */
    public synchronized SourceRunner add(SourceSpec spec) {
        SourcePolicy policy = factory.policy();
        policy.checkDefinition(spec); // before the name: a refused definition is refused whatever it is called
        if (running.containsKey(spec.name())) {
            throw new SourceExistsException(spec.name());
        }
        policy.checkNewSource(spec); // now with the DNS look-up
        TransactionalSourceSink sink = sink(spec.name());
        IngestCheckpoint first = new IngestCheckpoint(spec.name(), spec.type().id(), spec.list(), spec.url(),
                spec.pollInterval().toString(), spec.origin(), factory.initialCursor(spec), 0, Instant.now());
        SourceRunner runner = start(spec, first, sink);
        runner.commitDefinition();
        runner.requestPoll();
        return runner;
    }

    public Collection<SourceRunner> sources() {
        return running.values().stream().map(Running::runner).toList();
    }

    public Optional<SourceRunner> source(String name) {
        return Optional.ofNullable(running.get(name)).map(Running::runner);
    }

    public int failuresThreshold() {
        return config.health().failuresThreshold();
    }

    private TransactionalSourceSink sink(String sourceName) {
        return new TransactionalSourceSink(kafka.transactionalProducer(config.transactionalIdPrefix() + "-" + sourceName),
                json);
    }

    private SourceRunner start(SourceSpec spec, IngestCheckpoint checkpoint, TransactionalSourceSink sink) {
        SourceRunner runner = new SourceRunner(spec, checkpoint, factory.reader(spec), sink, filter,
                new SourceSettings(config.maxMessageBytes(), config.batch().size(), config.batch().maxAge(),
                        config.batch().maxBackoff()), Clock.systemUTC());
        Thread thread = Thread.ofPlatform().name("source-" + spec.name()).daemon().unstarted(runner::runUntilStopped);
        running.put(spec.name(), new Running(runner, sink, thread));
        metrics.register(runner.stats());
        thread.start();
        LOG.infof("source %s (%s, list %s) started from %s", spec.name(), spec.url(), spec.list(),
                checkpoint == null ? "the beginning" : checkpoint.cursor());
        return runner;
    }

    /** A source added through the API earlier, under a policy that has changed since, is not started again. */
    private boolean allowedAtStart(SourceSpec spec) {
        try {
            factory.policy().checkDefinition(spec);
            return true;
        } catch (SourceRefusedException | IllegalArgumentException e) {
            LOG.errorf("source %s (added through the API) is not started: %s", spec.name(), e.getMessage());
            return false;
        }
    }

    private static SourceSpec specOf(IngestCheckpoint c) {
        return new SourceSpec(c.source(), SourceType.of(c.type()), c.list(), c.url(),
                java.time.Duration.parse(c.pollInterval()), null, c.origin());
    }
}
