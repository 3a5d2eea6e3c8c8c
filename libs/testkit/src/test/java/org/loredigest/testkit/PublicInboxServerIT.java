package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

class PublicInboxServerIT {

    static final Path CORPUS = Path.of(System.getProperty("lore.shared.dir"), "corpus");
    static final Path MBOX = CORPUS.resolve("lore-cgroups/cgroups-2024-03.mbox");
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    static PublicInboxServer inbox;
    static List<MboxMessage> messages;

    @BeforeAll
    static void buildInbox() throws Exception {
        try (InputStream in = Files.newInputStream(MBOX)) {
            messages = new MboxReader(in).stream().toList();
        }
        inbox = SharedServers.timed("public-inbox (330 messages)", () -> PublicInboxServer.builder()
                .name("cgroups").address("cgroups@vger.kernel.org").mbox(MBOX).start());
    }

    @AfterAll
    static void stop() {
        if (inbox != null) {
            inbox.close();
        }
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String messageId(byte[] raw) {
        String id = HeaderBlock.parse(raw).first("Message-ID").orElseThrow().strip();
        return id.substring(id.indexOf('<') + 1, id.lastIndexOf('>'));
    }

    @Test
    void everyMessageOfTheMboxIsOneCommitInEpochZero() {
        assertThat(messages).hasSize(330);
        assertThat(inbox.messageCount()).isEqualTo(330);
        String commits = Commands.output("count", List.of("git", "--git-dir=" + inbox.epochGitDir(0), "rev-list", "--count", "master"));
        assertThat(commits).isEqualTo("330");
        String tree = Commands.output("tree", List.of("git", "--git-dir=" + inbox.epochGitDir(0), "ls-tree", "--name-only", "master"));
        assertThat(tree).isEqualTo("m");
        assertThat(inbox.inboxDir().resolve("git/0.git")).isEqualTo(inbox.epochGitDir(0));
        assertThat(inbox.inboxUrl()).isEqualTo(inbox.baseUrl() + "cgroups/").startsWith("http://127.0.0.1:");
    }

    @Test
    void rawMessageIsServedByteForByte() throws Exception {
        byte[] original = messages.get(5).raw();
        HttpResponse<byte[]> response = get(inbox.inboxUrl() + messageId(original) + "/raw");
        assertThat(response.statusCode()).isEqualTo(200);
        // /raw answers an mboxrd of the one message; unframed, it is the archived message. At the end of input the
        // reader keeps the blank line that closes the mboxrd entry.
        byte[] served = new MboxReader(new ByteArrayInputStream(response.body())).next().raw();
        assertThat(served).isEqualTo(concat(original, "\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void atomFeedListsRecentMessages() throws Exception {
        HttpResponse<byte[]> response = get(inbox.inboxUrl() + "new.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        String feed = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(feed).contains("<feed").contains("public inbox for cgroups@vger.kernel.org").contains("<entry>");
    }

    @Test
    void epochCanBeClonedOverHttpLikeLore(@TempDir Path clone) {
        Commands.output("clone", List.of("git", "clone", "--quiet", "--mirror", inbox.inboxUrl() + "0", clone.toString()));
        long cloned = Long.parseLong(Commands.output("count", List.of("git", "--git-dir=" + clone, "rev-list", "--count", "master")));
        assertThat(cloned).isGreaterThanOrEqualTo(330); // 331 once the delivery test has run
    }

    @Test
    void deliveredMessageIsServedRightAway() throws Exception {
        String id = "testkit-" + System.nanoTime() + "@loredigest.test";
        String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        byte[] message = ("From: Test Sender <sender@loredigest.test>\n"
                + "To: cgroups@vger.kernel.org\n"
                + "Subject: [PATCH] cgroup: delivered through public-inbox-mda\n"
                + "Date: " + date + "\n"
                + "Message-ID: <" + id + ">\n"
                + "\n"
                + "A new message.\n").getBytes(StandardCharsets.UTF_8);
        long before = inbox.messageCount();
        inbox.deliver(message);

        assertThat(inbox.messageCount()).isEqualTo(before + 1);
        assertThat(get(inbox.inboxUrl() + id + "/raw").statusCode()).isEqualTo(200);
        assertThat(new String(get(inbox.inboxUrl() + "new.atom").body(), StandardCharsets.UTF_8)).contains(id);
    }

    @Test
    void duplicateIdsAndAbsurdZonesDoNotBreakTheBuild(@TempDir Path dir) throws Exception {
        byte[] sample = Files.readAllBytes(CORPUS.resolve("samples").resolve(firstSample()));
        byte[] quoted = new String(sample, StandardCharsets.ISO_8859_1).replaceAll("(?m)^(>*From )", ">$1")
                .getBytes(StandardCharsets.ISO_8859_1);
        String odd = "From: Odd Zone <odd@loredigest.test>\nSubject: zone from nowhere\n"
                + "Date: Tue, 02 Apr 2024 10:00:00 +1700\nMessage-ID: <odd-zone@loredigest.test>\n\nbody\n";
        Path mbox = dir.resolve("odd.mbox");
        String separator = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";
        Files.write(mbox, concat(separator.getBytes(StandardCharsets.US_ASCII), quoted, "\n".getBytes(StandardCharsets.US_ASCII),
                separator.getBytes(StandardCharsets.US_ASCII), quoted, "\n".getBytes(StandardCharsets.US_ASCII),
                (separator + odd).getBytes(StandardCharsets.US_ASCII)));

        try (PublicInboxServer small = PublicInboxServer.builder().name("odd").address("odd@loredigest.test").mbox(mbox).start()) {
            assertThat(small.messageCount()).isEqualTo(3);
            assertThat(get(small.inboxUrl() + messageId(sample) + "/raw").statusCode()).isEqualTo(200);
            assertThat(get(small.inboxUrl() + "odd-zone@loredigest.test/raw").statusCode()).isEqualTo(200);
            String author = Commands.output("log", List.of("git", "--git-dir=" + small.epochGitDir(0), "log", "-1", "--format=%an %ad", "--date=raw"));
            assertThat(author).isEqualTo("Odd Zone " + (MailDate.parse("Tue, 02 Apr 2024 10:00:00 +1700").orElseThrow().epochSeconds()) + " +0000");
        }
    }

    @Test
    void quarkusTestResourceServesTheConfiguredMbox() throws Exception {
        PublicInboxTestResource resource = new PublicInboxTestResource();
        resource.init(Map.of("name", "cgroups", "mbox", "corpus/lore-cgroups/cgroups-2024-03.mbox"));
        Map<String, String> config = SharedServers.timed("public-inbox via test resource", resource::start);
        assertThat(config.get(PublicInboxTestResource.URL)).endsWith("/cgroups/");
        assertThat(get(config.get(PublicInboxTestResource.URL) + messageId(messages.get(0).raw()) + "/raw").statusCode()).isEqualTo(200);
        // Same args, same inbox.
        assertThat(resource.start()).isEqualTo(config);
    }

    private static String firstSample() throws Exception {
        try (var files = Files.list(CORPUS.resolve("samples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().findFirst().orElseThrow();
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
