package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/** What happens to an archive after it was built: a removal (a {@code d} commit) and the rotation to a new epoch. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one archive; a removal after the rotation lands in epoch 1
class PublicInboxChangesIT {

    static final Path MBOX = PublicInboxServerIT.CORPUS.resolve("lore-cgroups/cgroups-spam-2019-2020.mbox");

    static PublicInboxServer inbox;
    static List<MboxMessage> messages;

    @BeforeAll
    static void buildInbox() throws Exception {
        try (InputStream in = Files.newInputStream(MBOX)) {
            messages = new MboxReader(in).stream().toList();
        }
        inbox = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org").mbox(MBOX).start();
    }

    @AfterAll
    static void stop() {
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    @Order(1)
    void removingAMessageCommitsADeletionAndTheArchiveStopsServingIt() throws Exception {
        byte[] spam = messages.get(3).raw();
        String url = inbox.inboxUrl() + PublicInboxServerIT.messageId(spam) + "/raw";
        assertThat(PublicInboxServerIT.get(url).statusCode()).isEqualTo(200);
        long before = inbox.messageCount();

        inbox.remove(spam);

        assertThat(inbox.messageCount()).as("a deletion is one more commit").isEqualTo(before + 1);
        String tree = git(inbox.epochGitDir(0), "ls-tree", "--name-only", "master");
        assertThat(tree).isEqualTo("d");
        byte[] deleted = git(inbox.epochGitDir(0), "cat-file", "blob", "master:d").getBytes(StandardCharsets.UTF_8);
        assertThat(PublicInboxServerIT.messageId(deleted)).isEqualTo(PublicInboxServerIT.messageId(spam));
        assertThat(PublicInboxServerIT.get(url).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aNewEpochTakesTheNextDeliveriesAndAppearsInTheManifestWithItsFirstMessage(@TempDir Path clone)
            throws Exception {
        int epoch = inbox.startEpoch();

        assertThat(epoch).isEqualTo(1);
        assertThat(inbox.epochGitDir(1)).isDirectory();
        assertThat(manifest()).contains("/cgroups/git/0.git").doesNotContain("/cgroups/git/1.git");

        byte[] mail = ("From: Test Sender <sender@loredigest.test>\nTo: cgroups@vger.kernel.org\n"
                + "Subject: [PATCH] cgroup: first of a new epoch\nDate: Tue, 01 Dec 2026 10:00:00 +0000\n"
                + "Message-ID: <epoch-1-first@loredigest.test>\n\nA new message.\n").getBytes(StandardCharsets.UTF_8);
        String epochZeroHead = git(inbox.epochGitDir(0), "rev-parse", "master");
        inbox.deliver(mail);

        assertThat(git(inbox.epochGitDir(1), "rev-list", "--count", "master")).isEqualTo("1");
        assertThat(git(inbox.epochGitDir(0), "rev-parse", "master")).isEqualTo(epochZeroHead);
        assertThat(manifest()).contains("/cgroups/git/1.git");
        assertThat(PublicInboxServerIT.get(inbox.inboxUrl() + "epoch-1-first@loredigest.test/raw").statusCode())
                .isEqualTo(200);
        Commands.output("clone", List.of("git", "clone", "--quiet", "--mirror", inbox.inboxUrl() + "1", clone.toString()));
        assertThat(git(clone, "log", "-1", "--format=%s", "master")).isEqualTo("[PATCH] cgroup: first of a new epoch");
    }

    private static String manifest() throws Exception {
        byte[] gzipped = PublicInboxServerIT.get(inbox.inboxUrl() + "manifest.js.gz").body();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String git(Path gitDir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        return Commands.output(String.join(" ", args), command);
    }
}
