package org.loredigest.report;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jboss.logging.Logger;
import org.loredigest.report.digest.Digest;
import org.loredigest.report.domain.DigestQuery;
import org.loredigest.report.elasticsearch.DigestStore;
import org.loredigest.report.elasticsearch.DigestStore.StoredDigest;

/** Makes and stores the weekly digest (Monday..Sunday, UTC) on a schedule; also callable for any past week. */
@ApplicationScoped
public class WeeklyDigests {

    private static final Logger LOG = Logger.getLogger(WeeklyDigests.class);

    private final DigestService digests;
    private final DigestStore store;
    private final ReportConfig config;
    private final Clock clock = Clock.systemUTC();

    public WeeklyDigests(DigestService digests, DigestStore store, ReportConfig config) {
        this.digests = digests;
        this.store = store;
        this.config = config;
    }

    @Scheduled(cron = "${lore.report.weekly-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void lastWeek() throws IOException {
        LocalDate monday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        StoredDigest stored = make(monday);
        LOG.infof("weekly digest %s stored: %d topics", stored.id(), stored.topics());
    }

    /** The digest of the week starting on the Monday on or before {@code day}. */
    public StoredDigest make(LocalDate day) throws IOException {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> lists = config.weeklyLists().orElse(List.of());
        Digest digest = digests.digest(new DigestQuery(lists, monday, monday.plusDays(6)));
        return store.save(digest);
    }
}
