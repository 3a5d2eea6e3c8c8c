package org.loredigest.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loredigest.ingest.source.SourceHarness.header;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.events.EventJson;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailHeaders;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.source.git.GitEpochReader;
import org.loredigest.ingest.source.http.LoreHttpReader;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.testkit.PublicInboxServer;

/** The lore HTTP source (search mbox export, Atom, raw) against a real public-inbox-httpd and a real broker. */
class HttpSourceIT {

    @TempDir
    Path mirrors;

    /**
     * New list mail carries a fresh Received header; public-inbox orders its feed by it. (It does not read Java's
     * RFC 1123 form "1 Dec 2026 ... GMT" and falls back to older dates, so the date is written as mailers do.)
     */
    static byte[] arrivingNow(byte[] raw) {
        String received = "Received: from list.test by lore.test; " + DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).format(ZonedDateTime.now(ZoneOffset.UTC)) + "\n";
        byte[] header = received.getBytes(StandardCharsets.US_ASCII);
        byte[] mail = Arrays.copyOf(header, header.length + raw.length);
        System.arraycopy(raw, 0, mail, header.length, raw.length);
        return mail;
    }

    @Test
    void backfillsByExportFollowsByAtomAndAGitSourceOfTheSameInboxAddsNoCopies() throws Exception {
        try (PublicInboxServer lore = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org")
                .mbox(GitSourceIT.CORPUS.resolve("cgroups-2024-07.mbox")).start()) {
            SourceSpec spec = new SourceSpec("http-" + Long.toHexString(System.nanoTime()), SourceType.HTTP, "cgroups",
                    lore.inboxUrl(), Duration.ofMinutes(1), LocalDate.parse("2024-06-01"), SourceSpec.ORIGIN_CONFIG);
            String sourceLabel = "http:" + lore.inboxUrl();
            DuplicateFilter filter = new DuplicateFilter(new SeenMessages(10_000));
            LoreHttpReader reader = new LoreHttpReader(spec, SourceHarness.http(), Clock.systemUTC(),
                    new LoreHttpReader.Limits(Duration.ofDays(30), SourceHarness.MAX_MESSAGE_BYTES, 1L << 30, 100));
            SourceRunner http = SourceHarness.runner(spec, reader, SourceHarness.sink(spec.name()), filter, 100);

            assertThat(http.pollOnce()).isEqualTo(254);

            LinkedHashMap<String, byte[]> expected = SourceHarness.epochMessages(lore.epochGitDir(0));
            List<ConsumerRecord<String, byte[]>> records = SourceHarness.published(sourceLabel, 254);
            assertThat(SourceHarness.keysSeenMoreThanOnce(records)).isEmpty();
            assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(expected.keySet());
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(Arrays.equals(record.value(), expected.get(record.key())))
                        .as("bytes of %s as archived", record.key()).isTrue();
                assertThat(header(record, MailHeaders.SOURCE_POSITION)).startsWith("export:dt:");
            }
            IngestCheckpoint checkpoint = SourceHarness.checkpoints().get(spec.name());
            assertThat(checkpoint.cursor()).containsKeys("backfill.until", "atom.seen", "atom.polled-at");
            assertThat(http.stats().duplicates()).as("the first feed only holds mail already exported").isPositive();

            byte[] newMail = arrivingNow(GitSourceIT.firstMessageOf("cgroups-2024-08.mbox"));
            lore.deliver(newMail);
            assertThat(http.pollOnce()).as("%s", http.stats().snapshot()).isEqualTo(1);
            String newKey = RecordKeys.of(RawHeader.scan(newMail));
            List<ConsumerRecord<String, byte[]>> after = SourceHarness.published(sourceLabel, 255);
            ConsumerRecord<String, byte[]> followed = after.stream().filter(r -> r.key().equals(newKey)).findFirst()
                    .orElseThrow();
            assertThat(header(followed, MailHeaders.SOURCE_POSITION)).startsWith("atom:");
            assertThat(followed.value()).isEqualTo(SourceHarness.epochMessages(lore.epochGitDir(0)).get(newKey));
            assertThat(after).hasSize(255);

            // The same inbox read through git: every message is a copy of one already published.
            SourceSpec gitSpec = new SourceSpec(spec.name() + "-git", SourceType.GIT, "cgroups", lore.inboxUrl(),
                    Duration.ofMinutes(1), null, SourceSpec.ORIGIN_CONFIG);
            SourceRunner git = SourceHarness.runner(gitSpec, GitEpochReader.remote(lore.inboxUrl(),
                    mirrors.resolve("git"), SourceHarness.http(), EventJson.mapper(), SourceHarness.MAX_MESSAGE_BYTES),
                    SourceHarness.sink(gitSpec.name()), filter, 100);
            assertThat(git.pollOnce()).isZero();
            assertThat(git.stats().duplicates()).isEqualTo(255);
        }
    }
}
