package org.loredigest.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loredigest.ingest.source.SourceHarness.header;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.ingest.domain.source.SourceOutput;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.source.git.GitEpochReader;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.testkit.PublicInboxServer;

/**
 * The archive changing under the git and dir sources, against a real public-inbox-httpd and a real broker: a
 * message removed by a moderator (a {@code d} commit), then a new epoch. One archive for the class, changed in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EpochChangesIT {

    static PublicInboxServer lore;
    static List<byte[]> spam;
    static List<byte[]> october;
    /** One source of each type follows the archive through both changes; records name them by source label. */
    static SourceRunner git;
    static SourceRunner dir;

    @TempDir
    static Path mirrors;

    @BeforeAll
    static void buildInbox() throws Exception {
        spam = firstMessages("cgroups-spam-2019-2020.mbox", 12);
        october = firstMessages("cgroups-2024-10.mbox", 3);
        lore = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org")
                .mbox(GitSourceIT.CORPUS.resolve("cgroups-spam-2019-2020.mbox")).start();
        git = runner(spec("git", SourceType.GIT), mirrors.resolve("git"));
        dir = runner(spec("dir", SourceType.DIR), null);
    }

    @AfterAll
    static void stop() {
        if (lore != null) {
            lore.close();
        }
    }

    @Test
    @Order(1)
    void aRemovedMessageIsSkippedAndCountedAndReadingGoesOn() throws Exception {
        int archived = SourceHarness.epochMessages(lore.epochGitDir(0)).size();
        assertThat(git.pollOnce()).isEqualTo(archived);
        assertThat(dir.pollOnce()).isEqualTo(archived);

        lore.remove(spam.get(3));
        lore.deliver(october.get(0));

        for (SourceRunner runner : List.of(git, dir)) {
            assertThat(runner.pollOnce()).as("the delivery after the removal").isEqualTo(1);
            assertThat(runner.stats().skippedCount()).isEqualTo(1);
            assertThat(runner.stats().deadLetteredCount()).isZero();
            assertThat(runner.stats().lag()).isZero();
            assertThat(SourceHarness.checkpoints().get(runner.spec().name()).cursor())
                    .containsEntry(GitEpochReader.cursorKey(0), head(0));
            assertThat(runner.pollOnce()).isZero();
        }
        for (List<ConsumerRecord<String, byte[]>> records : published(archived + 1).values()) {
            assertThat(records).hasSize(archived + 1);
            assertThat(SourceHarness.keysSeenMoreThanOnce(records)).isEmpty();
            // published before its removal; a removal does not take back what went out
            assertThat(records).extracting(ConsumerRecord::key).contains(key(october.get(0)), key(spam.get(3)));
        }

        // Reading the archive afresh meets the message before its removal: history keeps both commits.
        Counting fresh = new Counting();
        GitEpochReader.local(lore.inboxDir(), SourceHarness.MAX_MESSAGE_BYTES).read(Map.of(), fresh);
        assertThat(fresh.mail).isEqualTo(archived + 1);
        assertThat(fresh.skipped).containsExactly("message deleted from the archive");
    }

    @Test
    @Order(2)
    void aNewEpochIsReadAfterTheOldOneLocallyAndOverHttp() throws Exception {
        int before = SourceHarness.epochMessages(lore.epochGitDir(0)).size();
        assertThat(lore.startEpoch()).isEqualTo(1);
        assertThat(git.pollOnce()).as("an epoch without commits yet").isZero();
        assertThat(dir.pollOnce()).as("an epoch without commits yet").isZero();

        lore.deliver(october.get(1));
        lore.deliver(october.get(2));
        assertThat(SourceHarness.epochMessages(lore.epochGitDir(1))).hasSize(2);
        for (SourceRunner runner : List.of(git, dir)) {
            assertThat(runner.pollOnce()).isEqualTo(2);
            assertThat(runner.stats().lag()).isZero();
            assertThat(runner.stats().consecutiveFailures()).isZero();
            assertThat(SourceHarness.checkpoints().get(runner.spec().name()).cursor())
                    .containsEntry(GitEpochReader.cursorKey(0), head(0))
                    .containsEntry(GitEpochReader.cursorKey(1), head(1));
        }
        Map<String, List<ConsumerRecord<String, byte[]>>> bySource = published(before + 2);
        for (List<ConsumerRecord<String, byte[]>> records : bySource.values()) {
            assertThat(records).hasSize(before + 2);
            assertThat(SourceHarness.keysSeenMoreThanOnce(records)).isEmpty();
            assertThat(records.stream().filter(r -> header(r, MailHeaders.SOURCE_POSITION).startsWith("epoch:1/")))
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrder(key(october.get(1)), key(october.get(2)));
        }
        assertThat(bySource.get("git").stream().map(r -> header(r, MailHeaders.SOURCE)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("git:" + lore.inboxUrl() + "0", "git:" + lore.inboxUrl() + "1");

        // Restarted from its checkpoint with the mirror cache lost: clones both epochs again, publishes nothing.
        SourceRunner restarted = runner(git.spec(), mirrors.resolve("lost-cache"));
        assertThat(restarted.pollOnce()).isZero();
        assertThat(restarted.stats().lag()).isZero();
        assertThat(mirrors.resolve("lost-cache/git/1.git")).isDirectory();
    }

    private static SourceSpec spec(String name, SourceType type) {
        return new SourceSpec("epochs-" + name + "-" + Long.toHexString(System.nanoTime()), type, "cgroups",
                type == SourceType.DIR ? lore.inboxDir().toString() : lore.inboxUrl(), Duration.ofMinutes(1), null,
                SourceSpec.ORIGIN_CONFIG);
    }

    /** A runner as SourceManager builds one at start-up: the checkpoint from Kafka, a fresh memory of keys. */
    private static SourceRunner runner(SourceSpec spec, Path mirror) {
        GitEpochReader reader = spec.type() == SourceType.DIR
                ? GitEpochReader.local(lore.inboxDir(), SourceHarness.MAX_MESSAGE_BYTES)
                : GitEpochReader.remote(spec.inboxUrl(), mirror, SourceHarness.http(), EventJson.mapper(),
                SourceHarness.MAX_MESSAGE_BYTES);
        return SourceHarness.runner(spec, reader, SourceHarness.sink(spec.name()),
                new DuplicateFilter(new SeenMessages(10_000)), 100);
    }

    /** Committed records of the two sources ("git", "dir"), told apart by their source labels; one read. */
    private static Map<String, List<ConsumerRecord<String, byte[]>>> published(int each) {
        String gitLabel = "git:" + lore.inboxUrl();
        String dirLabel = "dir:" + lore.inboxDir().resolve("git");
        List<ConsumerRecord<String, byte[]>> all = CommittedRecords.read(SourceHarness.KAFKA.bootstrapServers(),
                Topics.MAIL_RECEIVED, Duration.ofSeconds(60), r -> {
                    String source = String.valueOf(header(r, MailHeaders.SOURCE));
                    return source.startsWith(gitLabel) || source.startsWith(dirLabel);
                }, 2 * each);
        return all.stream().collect(Collectors.groupingBy(
                r -> header(r, MailHeaders.SOURCE).startsWith(gitLabel) ? "git" : "dir"));
    }

    private static String head(int epoch) throws Exception {
        return SourceHarness.head(lore.epochGitDir(epoch));
    }

    private static String key(byte[] raw) {
        return RecordKeys.of(RawHeader.scan(raw));
    }

    private static List<byte[]> firstMessages(String mbox, int n) throws Exception {
        try (InputStream in = Files.newInputStream(GitSourceIT.CORPUS.resolve(mbox))) {
            return new MboxReader(in).stream().limit(n).map(MboxMessage::raw).toList();
        }
    }

    /** Counts what a reader hands over, without publishing it. */
    static final class Counting implements SourceOutput {
        int mail;
        final List<String> skipped = new ArrayList<>();

        @Override
        public void mail(byte[] raw, String source, String position) {
            mail++;
        }

        @Override
        public void rejected(String source, String position, String reason, byte[] payload) {
            throw new AssertionError(reason + " at " + position);
        }

        @Override
        public void skipped(String source, String position, String reason) {
            skipped.add(reason);
        }

        @Override
        public void advance(String key, String value) {
        }

        @Override
        public void remaining(long entries) {
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    }
}
