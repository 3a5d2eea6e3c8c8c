package org.loredigest.report.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.loredigest.report.ReportConfig;
import org.loredigest.report.elasticsearch.BackfillMode.Switch;

/**
 * Applies {@link BackfillMode} to {@link IndexSpec#MAILS} and {@link IndexSpec#TOPICS}: relaxes an index's
 * {@code refresh_interval} while its consumer works through a backlog, and restores the interval of its template
 * (with one refresh, so what was indexed meanwhile is searchable at once) when the consumer has caught up. A failed
 * settings call never fails indexing; it is tried again at the next batch or tick.
 */
@ApplicationScoped
public class BackfillRefresh {

    static final List<IndexSpec> RELAXABLE = List.of(IndexSpec.MAILS, IndexSpec.TOPICS);
    private static final Logger LOG = Logger.getLogger(BackfillRefresh.class);

    private final ElasticsearchClient client;
    private final String relaxedInterval;
    private final Clock clock = Clock.systemUTC();
    private final Map<IndexSpec, BackfillMode> modes = new LinkedHashMap<>();

    public BackfillRefresh(ElasticsearchClient client, ReportConfig config) {
        this.client = client;
        this.relaxedInterval = config.backfill().relaxedRefreshInterval();
        ReportConfig.Backfill backfill = config.backfill();
        RELAXABLE.forEach(spec -> modes.put(spec, new BackfillMode(backfill.largeBatch(),
                backfill.largeBatchesToRelax(), backfill.idleRestoreAfter(), backfill.backlogLag(),
                backfill.caughtUpLag())));
    }

    /** After the indices exist: an earlier instance may have stopped while an index was relaxed. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        for (IndexSpec spec : RELAXABLE) {
            synchronized (this) {
                BackfillMode mode = modes.get(spec);
                mode.assumeRelaxed();
                apply(spec, mode.restoreNow(), "at start-up");
            }
        }
    }

    /**
     * A consumed batch of {@code records} records for {@code spec} was indexed and is about to be acknowledged; its
     * freshest record was written at {@code freshestTimestamp} (epoch ms).
     */
    public synchronized void batchIndexed(IndexSpec spec, int records, long freshestTimestamp) {
        BackfillMode mode = modes.get(spec);
        Instant now = clock.instant();
        Duration lag = Duration.ofMillis(Math.max(0, now.toEpochMilli() - freshestTimestamp));
        apply(spec, mode.onBatch(records, lag, now), "after a batch of " + records + " records, the freshest "
                + lag.toSeconds() + " s old");
    }

    /** The timestamp of the freshest record of a batch (epoch ms; 0 for an empty batch). */
    public static long freshest(Iterable<? extends org.apache.kafka.clients.consumer.ConsumerRecord<?, ?>> batch) {
        long freshest = 0;
        for (var record : batch) {
            freshest = Math.max(freshest, record.timestamp());
        }
        return freshest;
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void tick() {
        modes.forEach((spec, mode) -> apply(spec, mode.onTick(clock.instant()), "after no batch for a while"));
    }

    public synchronized boolean relaxed(IndexSpec spec) {
        return modes.get(spec).relaxed();
    }

    private void apply(IndexSpec spec, Switch change, String why) {
        if (change == Switch.NONE) {
            return;
        }
        String interval = change == Switch.RELAX ? relaxedInterval : ReadModelIndices.normalRefreshInterval(spec);
        try {
            client.indices().putSettings(p -> p.index(spec.alias())
                    .settings(s -> s.refreshInterval(Time.of(t -> t.time(interval)))));
            if (change == Switch.RESTORE) {
                client.indices().refresh(r -> r.index(spec.alias()));
            }
            LOG.infof("%s: refresh interval %s %s (%s)", spec.alias(), change == Switch.RELAX ? "relaxed to" : "restored to",
                    interval, why);
        } catch (IOException | RuntimeException e) {
            modes.get(spec).failed(change);
            LOG.warnf("%s: setting the refresh interval to %s failed (%s); trying again later", spec.alias(), interval,
                    e.toString());
        }
    }
}
