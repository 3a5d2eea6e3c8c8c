package org.loredigest.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loredigest.ingest.source.SourceHarness.header;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailHeaders;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.ingest.domain.source.CheckpointedSink;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.source.http.LoreHttpReader;
import org.loredigest.testkit.PublicInboxServer;

/**
 * A search-export backfill over HTTP interrupted twice, against a real public-inbox-httpd and a real broker: a crash
 * (an open transaction left behind), then a graceful stop, then the rest. Each restart is a new process: the
 * checkpoint from Kafka, an empty memory of keys. Every message ends up published exactly once.
 */
class HttpBackfillRestartIT {

    /** The backfill's "now": windows after it hold no mail of this month and would only cost requests. */
    static final Clock BACKFILL_NOW = Clock.fixed(Instant.parse("2024-10-10T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCrashThenAStopInTheMiddleOfAnExportBackfillEndWithEveryMessageExactlyOnce() throws Exception {
        try (PublicInboxServer lore = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org")
                .mbox(GitSourceIT.CORPUS.resolve("cgroups-2024-09.mbox")).start()) {
            LinkedHashMap<String, byte[]> expected = SourceHarness.epochMessages(lore.epochGitDir(0));
            SourceSpec spec = new SourceSpec("http-restart-" + Long.toHexString(System.nanoTime()), SourceType.HTTP,
                    "cgroups", lore.inboxUrl(), Duration.ofMinutes(1), LocalDate.parse("2024-08-20"),
                    SourceSpec.ORIGIN_CONFIG);

            // Run 1 dies after 50 records, in the middle of a window: the windows committed before stay.
            CheckpointedSink real = SourceHarness.sink(spec.name());
            SourceRunner first = runner(spec, new GitSourceIT.CrashingSink(real, 50));
            assertThatThrownBy(first::pollOnce).hasMessageContaining("simulated crash");
            IngestCheckpoint afterCrash = SourceHarness.checkpoints().get(spec.name());
            assertThat(afterCrash.messages()).isBetween(1L, 49L);
            assertThat(afterCrash.cursor()).containsKey("backfill.until");

            // Run 2 is stopped after 30 more records: it finishes the window it is in and commits it.
            AtomicReference<SourceRunner> second = new AtomicReference<>();
            CheckpointedSink sink = SourceHarness.sink(spec.name());
            second.set(runner(spec, new GitSourceIT.StoppingSink(sink, 30, () -> second.get().stop())));
            long secondPublished = second.get().pollOnce();
            sink.close();
            IngestCheckpoint afterStop = SourceHarness.checkpoints().get(spec.name());
            assertThat(secondPublished).isGreaterThanOrEqualTo(30);
            assertThat(afterStop.messages()).isEqualTo(afterCrash.messages() + secondPublished)
                    .isLessThan(expected.size());
            assertThat(afterStop.cursor().get("backfill.until")).isGreaterThan(afterCrash.cursor().get("backfill.until"))
                    .isLessThan("20241010000000");
            real.close();

            // Run 3 reads the rest of the backfill, then follows the feed.
            SourceRunner third = runner(spec, SourceHarness.sink(spec.name()));
            assertThat(third.pollOnce()).isEqualTo(expected.size() - afterStop.messages());

            List<ConsumerRecord<String, byte[]>> records = SourceHarness.published("http:" + lore.inboxUrl(),
                    expected.size());
            assertThat(SourceHarness.keysSeenMoreThanOnce(records)).isEmpty();
            assertThat(records).hasSize(expected.size());
            assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .isEqualTo(expected.keySet());
            // the month's file also holds mail dated after the backfill's end (late replies): the feed brings those
            assertThat(records).allSatisfy(r -> assertThat(header(r, MailHeaders.SOURCE_POSITION))
                    .matches("export:dt:.*|atom:.*"));
            assertThat(records).filteredOn(r -> header(r, MailHeaders.SOURCE_POSITION).startsWith("export:"))
                    .hasSizeGreaterThan(expected.size() / 2);
            IngestCheckpoint last = SourceHarness.checkpoints().get(spec.name());
            assertThat(last.messages()).isEqualTo(expected.size());
            assertThat(last.cursor()).containsEntry("backfill.until", "20241010000000").containsKey("atom.seen");
        }
    }

    private static SourceRunner runner(SourceSpec spec, CheckpointedSink sink) {
        // Week-long windows: a few windows hold this month's mail, so the interruptions fall between and inside them.
        LoreHttpReader reader = new LoreHttpReader(spec, SourceHarness.http(), BACKFILL_NOW,
                new LoreHttpReader.Limits(Duration.ofDays(7), SourceHarness.MAX_MESSAGE_BYTES, 1L << 30, 100));
        return SourceHarness.runner(spec, reader, sink, new DuplicateFilter(new SeenMessages(10_000)), 20);
    }
}
