package org.loredigest.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loredigest.ingest.source.SourceHarness.header;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.events.EventJson;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailReceived;
import org.loredigest.events.MessageKey;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.ingest.domain.source.CheckpointedSink;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.source.git.GitEpochReader;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.testkit.PublicInboxServer;

/** The git epoch source against a real public-inbox-httpd and a real broker. */
class GitSourceIT {

    static final Path CORPUS = Path.of(System.getProperty("lore.shared.dir"), "corpus/lore-cgroups");

    @TempDir
    Path mirrors;

    @Test
    void backfillsExactlyTheInboxThenPicksUpNewMailOnTheNextPoll() throws Exception {
        try (PublicInboxServer lore = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org")
                .mbox(CORPUS.resolve("cgroups-2024-04.mbox")).start()) {
            SourceSpec spec = spec("git-backfill", lore);
            String sourcePrefix = "git:" + lore.inboxUrl();
            SourceRunner runner = SourceHarness.runner(spec, reader(lore, spec), SourceHarness.sink(spec.name()),
                    new DuplicateFilter(new SeenMessages(10_000)), 100);

            long published = runner.pollOnce();

            LinkedHashMap<String, byte[]> expected = SourceHarness.epochMessages(lore.epochGitDir(0));
            assertThat(expected).hasSize(413);
            assertThat(published).isEqualTo(413);
            List<ConsumerRecord<String, byte[]>> records = SourceHarness.published(sourcePrefix, 413);
            assertThat(SourceHarness.keysSeenMoreThanOnce(records)).isEmpty();
            assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .isEqualTo(expected.keySet());
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(Arrays.equals(record.value(), expected.get(record.key())))
                        .as("bytes of %s untouched", record.key()).isTrue();
                assertThat(header(record, MailHeaders.LIST)).isEqualTo("cgroups");
                assertThat(header(record, MailHeaders.SOURCE)).isEqualTo(sourcePrefix + "0");
                assertThat(header(record, MailHeaders.SOURCE_POSITION)).matches("epoch:0/commit:[0-9a-f]{40}");
                assertThat(header(record, MailHeaders.RECEIVED_AT)).isNotBlank();
                assertThat(header(record, MailHeaders.CONTENT_DIGEST)).startsWith(MessageKey.CONTENT_PREFIX);
            }
            // each mail says how many of the epoch's entries were still to be read behind it: 412 down to 0
            assertThat(records.stream().map(r -> Long.parseLong(header(r, MailHeaders.SOURCE_BACKLOG))).collect(Collectors.toSet()))
                    .isEqualTo(java.util.stream.LongStream.range(0, 413).boxed().collect(Collectors.toSet()));
            IngestCheckpoint checkpoint = SourceHarness.checkpoints().get(spec.name());
            assertThat(checkpoint.cursor()).containsKey("epoch.0");
            assertThat(checkpoint.messages()).isEqualTo(413);
            assertThat(runner.stats().lag()).isZero();

            byte[] newMail = firstMessageOf("cgroups-2024-05.mbox");
            lore.deliver(newMail);
            assertThat(runner.pollOnce()).isEqualTo(1);
            String newKey = RecordKeys.of(RawHeader.scan(newMail));
            List<ConsumerRecord<String, byte[]>> after = SourceHarness.published(sourcePrefix, 414);
            assertThat(after).hasSize(414);
            assertThat(after).filteredOn(r -> r.key().equals(newKey)).singleElement()
                    .satisfies(r -> assertThat(header(r, MailHeaders.SOURCE_BACKLOG)).as("live mail").isEqualTo("0"));
            assertThat(runner.pollOnce()).as("nothing new, nothing published").isZero();
        }
    }

    @Test
    void crashInTheMiddleOfABackfillEndsWithEveryMessageExactlyOnce() throws Exception {
        try (PublicInboxServer lore = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org")
                .mbox(CORPUS.resolve("cgroups-2024-01.mbox")).start()) {
            SourceSpec spec = spec("git-crash", lore);
            // First run: the process dies after 120 records, with batches of 50: 100 committed, 20 in an open
            // transaction that nobody aborts (a killed process does not clean up).
            CheckpointedSink real = SourceHarness.sink(spec.name());
            CrashingSink crashing = new CrashingSink(real, 120);
            SourceRunner first = SourceHarness.runner(spec, reader(lore, spec), crashing,
                    new DuplicateFilter(new SeenMessages(10_000)), 50);
            assertThatThrownBy(first::pollOnce).hasMessageContaining("simulated crash");
            assertThat(SourceHarness.checkpoints().get(spec.name()).messages()).isEqualTo(100);

            // Restart: a new process, a new producer with the same transactional id (fencing the dead one and
            // aborting its transaction), empty memory, the checkpoint from Kafka.
            SourceRunner second = SourceHarness.runner(spec, reader(lore, spec), SourceHarness.sink(spec.name()),
                    new DuplicateFilter(new SeenMessages(10_000)), 50);
            assertThat(second.pollOnce()).isEqualTo(155);
            real.close();

            assertExactlyOnce(lore, spec, 255);
        }
    }

    @Test
    void stopAfterNRecordsAndRestartEndsWithEveryMessageExactlyOnce() throws Exception {
        try (PublicInboxServer lore = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org")
                .mbox(CORPUS.resolve("cgroups-2024-03.mbox")).start()) {
            SourceSpec spec = spec("git-stop", lore);
            AtomicReference<SourceRunner> runner = new AtomicReference<>();
            CheckpointedSink sink = SourceHarness.sink(spec.name());
            StoppingSink stopping = new StoppingSink(sink, 70, () -> runner.get().stop());
            runner.set(SourceHarness.runner(spec, reader(lore, spec), stopping,
                    new DuplicateFilter(new SeenMessages(10_000)), 50));
            assertThat(runner.get().pollOnce()).isEqualTo(70);
            sink.close();

            SourceRunner restarted = SourceHarness.runner(spec, reader(lore, spec), SourceHarness.sink(spec.name()),
                    new DuplicateFilter(new SeenMessages(10_000)), 50);
            assertThat(restarted.pollOnce()).isEqualTo(260);
            assertExactlyOnce(lore, spec, 330);
        }
    }

    private void assertExactlyOnce(PublicInboxServer lore, SourceSpec spec, int expectedCount) throws Exception {
        LinkedHashMap<String, byte[]> expected = SourceHarness.epochMessages(lore.epochGitDir(0));
        assertThat(expected).hasSize(expectedCount);
        List<ConsumerRecord<String, byte[]>> records = SourceHarness.published("git:" + lore.inboxUrl(), expectedCount);
        assertThat(SourceHarness.keysSeenMoreThanOnce(records)).isEmpty();
        assertThat(records).hasSize(expectedCount);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(expected.keySet());
        IngestCheckpoint checkpoint = SourceHarness.checkpoints().get(spec.name());
        assertThat(checkpoint.messages()).isEqualTo(expectedCount);
        assertThat(EventJson.mapper().writeValueAsString(checkpoint)).contains("epoch.0");
    }

    private SourceSpec spec(String name, PublicInboxServer lore) {
        return new SourceSpec(name + "-" + Long.toHexString(System.nanoTime()), SourceType.GIT, "cgroups",
                lore.inboxUrl(), Duration.ofMinutes(1), null, SourceSpec.ORIGIN_CONFIG);
    }

    private GitEpochReader reader(PublicInboxServer lore, SourceSpec spec) {
        return GitEpochReader.remote(spec.inboxUrl(), mirrors.resolve(spec.name()), SourceHarness.http(),
                EventJson.mapper(), SourceHarness.MAX_MESSAGE_BYTES);
    }

    static byte[] firstMessageOf(String mbox) throws Exception {
        try (InputStream in = Files.newInputStream(CORPUS.resolve(mbox))) {
            return new MboxReader(in).next().raw();
        }
    }

    /** Dies after {@code crashAfter} records like a killed process: no abort, no commit, no close. */
    static final class CrashingSink extends ForwardingSink {
        private final int crashAfter;
        private final AtomicInteger accepted = new AtomicInteger();
        private volatile boolean crashed;

        CrashingSink(CheckpointedSink real, int crashAfter) {
            super(real);
            this.crashAfter = crashAfter;
        }

        @Override
        public void accept(MailReceived mail, String contentDigest) {
            if (accepted.incrementAndGet() > crashAfter) {
                crashed = true;
                throw new IllegalStateException("simulated crash after " + crashAfter + " records");
            }
            real.accept(mail, contentDigest);
        }

        @Override
        public void abort() {
            if (!crashed) {
                real.abort();
            }
        }

        @Override
        public void close() {
        }
    }

    /** Asks the runner to stop once {@code stopAt} records were handed over (a graceful shutdown). */
    static final class StoppingSink extends ForwardingSink {
        private final int stopAt;
        private final Runnable stop;
        private int accepted;

        StoppingSink(CheckpointedSink real, int stopAt, Runnable stop) {
            super(real);
            this.stopAt = stopAt;
            this.stop = stop;
        }

        @Override
        public void accept(MailReceived mail, String contentDigest) {
            real.accept(mail, contentDigest);
            if (++accepted == stopAt) {
                stop.run();
            }
        }
    }
}
