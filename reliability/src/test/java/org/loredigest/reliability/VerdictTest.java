package org.loredigest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.bench.pipeline.ReadModelState;

class VerdictTest {

    @TempDir
    Path dir;

    /** Two lists: a cross-post (one mail), and two different mails sharing a Message-ID (two). */
    private SourceMail source() throws IOException {
        Path a = dir.resolve("a.mbox");
        Path b = dir.resolve("b.mbox");
        Files.writeString(a, mbox(mail("<x@host>", "list a", "body x"), mail("<dup@host>", "list a", "first body"),
                mail("<folded@host>", "list a", "body f")), StandardCharsets.UTF_8);
        Files.writeString(b, mbox(mail("<x@host>", "list b", "body x\n\n"), mail("<dup@host>", "list b", "second body")),
                StandardCharsets.UTF_8);
        return SourceMail.of(List.of(a, b));
    }

    private static String mail(String id, String list, String body) {
        return "From: Jane <jane@example.org>\nDate: Mon, 4 Mar 2024 10:00:00 +0000\nSubject: [PATCH] mm: x\n"
                + "List-Id: " + list + "\nMessage-ID:\n " + id + "\n\n" + body + "\n";
    }

    private static String mbox(String... mails) {
        StringBuilder out = new StringBuilder();
        for (String mail : mails) {
            out.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n").append(mail).append('\n');
        }
        return out.toString();
    }

    private static final Map<String, Integer> EXPECTED_INDEX = Map.of("x@host", 1, "dup@host", 2, "folded@host", 1);
    private static final Set<String> MAIL_IDS = Set.of("x@host", "dup@host", "sha256:2", "folded@host");
    private static final Map<String, String> TOPICS = Map.of("x@host", "1 patch low no proposed",
            "dup@host", "2 patch low no proposed", "folded@host", "1 patch low no proposed");

    private static Verdict.BrokerCounts broker(Map<String, Integer> received) {
        return new Verdict.BrokerCounts(received, Map.of("x@host", 1, "dup@host", 1, "sha256:2", 1, "folded@host", 1));
    }

    private static final Map<String, Integer> ONCE = Map.of("x@host", 1, "dup@host", 1, "sha256:2", 1, "folded@host", 1);

    @Test
    void sourceCountsDifferentMailsPerMessageIdAndACrossPostOnce() throws IOException {
        SourceMail source = source();
        assertThat(source.messages()).isEqualTo(5);
        assertThat(source.documentsPerMessageId()).isEqualTo(EXPECTED_INDEX);
        assertThat(source.expectedDocuments()).isEqualTo(4);
    }

    @Test
    void aRunThatHoldsEveryMailOnceEverywherePasses() throws IOException {
        ReadModelState state = new ReadModelState(4, EXPECTED_INDEX, MAIL_IDS, TOPICS);
        Verdict verdict = Verdict.judge(source(), broker(ONCE), state, state);
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void aLostDocumentFails() throws IOException {
        ReadModelState faultFree = new ReadModelState(4, EXPECTED_INDEX, MAIL_IDS, TOPICS);
        ReadModelState lost = new ReadModelState(3, Map.of("x@host", 1, "dup@host", 1, "folded@host", 1),
                Set.of("x@host", "dup@host", "folded@host"), TOPICS);
        Verdict verdict = Verdict.judge(source(), broker(ONCE), lost, faultFree);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).anyMatch(f -> f.startsWith("lost: Message-ID dup@host has 1"))
                .anyMatch(f -> f.equals("mail document missing: sha256:2"));
    }

    @Test
    void aMailPublishedTwiceFailsEvenWhenTheIndexLooksRight() throws IOException {
        ReadModelState state = new ReadModelState(4, EXPECTED_INDEX, MAIL_IDS, TOPICS);
        Map<String, Integer> twice = Map.of("x@host", 2, "dup@host", 1, "sha256:2", 1, "folded@host", 1);
        Verdict verdict = Verdict.judge(source(), broker(twice), state, state);
        assertThat(verdict.failures()).containsExactly("published 2 times: key x@host on lore.mail.received");
    }

    @Test
    void aTopicWithAnotherMessageCountFailsButOtherLabelsAreOnlyListed() throws IOException {
        ReadModelState faultFree = new ReadModelState(4, EXPECTED_INDEX, MAIL_IDS, TOPICS);
        ReadModelState other = new ReadModelState(4, EXPECTED_INDEX, MAIL_IDS, Map.of("x@host", "1 patch high no proposed",
                "dup@host", "1 patch low no proposed", "folded@host", "1 patch low no proposed"));
        Verdict verdict = Verdict.judge(source(), broker(ONCE), other, faultFree);
        assertThat(verdict.failures()).singleElement().asString().startsWith("message count differs: topic dup@host");
        assertThat(verdict.labelDifferences()).singleElement().asString().startsWith("topic x@host");
    }

    @Test
    void aMailTheSourceNeverHadFails() throws IOException {
        ReadModelState extra = new ReadModelState(5, Map.of("x@host", 1, "dup@host", 2, "folded@host", 1, "new@host", 1),
                MAIL_IDS, TOPICS);
        Verdict verdict = Verdict.judge(source(), broker(ONCE), extra, null);
        assertThat(verdict.failures()).containsExactly("not in the source: Message-ID new@host has 1 mail documents, "
                + "the source 0 different mails");
    }
}
