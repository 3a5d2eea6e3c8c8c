package org.loredigest.mail.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.testing.Corpus;

class ThreaderTest {

    private static final MailParser PARSER = new MailParser();
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shuffledRealThreadGivesTheSameTree() {
        assumeTrue(Corpus.available());
        List<ParsedMail> all = Corpus.read(Corpus.corpus().resolve("lore-cgroups/cgroups-2024-01.mbox")).stream()
                .map(m -> PARSER.parse(m.raw(), RECEIVED)).toList();
        List<MailThread> threads = Threader.thread(all);
        MailThread biggest = threads.stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        assertThat(biggest.size()).isGreaterThan(20);
        String expected = biggest.outline();
        List<ParsedMail> members = new ArrayList<>(biggest.messages());
        Random random = new Random(42);
        for (int i = 0; i < 25; i++) {
            Collections.shuffle(members, random);
            List<MailThread> again = Threader.thread(members);
            assertThat(again).hasSize(1);
            assertThat(again.get(0).outline()).isEqualTo(expected);
        }
        // the whole month threads the same way in any order, too
        List<ParsedMail> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        assertThat(Threader.thread(shuffled).stream().map(MailThread::outline).toList())
                .isEqualTo(threads.stream().map(MailThread::outline).toList());
    }

    @Test
    void missingStarterBecomesGhostRootOnlyWhenItHoldsSiblingsTogether() {
        ParsedMail a = mail("a@x", "root@x", "root@x", "2024-01-01T10:00:00Z");
        ParsedMail b = mail("b@x", "root@x", "root@x", "2024-01-01T11:00:00Z");
        List<MailThread> threads = Threader.thread(List.of(b, a));
        assertThat(threads).hasSize(1);
        assertThat(threads.get(0).root().ghost()).isTrue();
        assertThat(threads.get(0).root().children()).extracting(ThreadNode::messageId).containsExactly("a@x", "b@x");

        List<MailThread> single = Threader.thread(List.of(a));
        assertThat(single.get(0).root().messageId()).isEqualTo("a@x");
    }

    @Test
    void brokenReferencesFallBackToInReplyToAndIntermediateGhostsCollapse() {
        ParsedMail root = mail("r@x", null, "", "2024-01-01T10:00:00Z");
        // References name a message that never arrived between root and child
        ParsedMail child = mail("c@x", "lost@x", "r@x lost@x", "2024-01-01T12:00:00Z");
        // In-Reply-To only, no References (some mailers)
        ParsedMail grandchild = mail("g@x", "c@x", "", "2024-01-01T13:00:00Z");
        // a loop: claims to be a reply to its own child
        ParsedMail loop = mail("l@x", "l2@x", "l2@x", "2024-01-01T14:00:00Z");
        ParsedMail loop2 = mail("l2@x", "l@x", "l@x", "2024-01-01T15:00:00Z");
        List<MailThread> threads = Threader.thread(List.of(grandchild, loop2, child, loop, root));
        assertThat(threads.get(0).outline()).isEqualTo("r@x\n  c@x\n    g@x\n");
        assertThat(threads).hasSize(2);
        assertThat(threads.get(1).size()).isEqualTo(2);
    }

    private static ParsedMail mail(String id, String inReplyTo, String references, String date) {
        StringBuilder raw = new StringBuilder();
        raw.append("From: Someone <s@example.org>\n");
        raw.append("Message-ID: <").append(id).append(">\n");
        if (inReplyTo != null) {
            raw.append("In-Reply-To: <").append(inReplyTo).append(">\n");
        }
        if (!references.isBlank()) {
            raw.append("References:");
            for (String r : references.split(" ")) {
                raw.append(" <").append(r).append('>');
            }
            raw.append('\n');
        }
        raw.append("Subject: ").append(inReplyTo == null ? "topic" : "Re: topic").append('\n');
        raw.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.parse(date).atZone(java.time.ZoneOffset.UTC))).append("\n\nbody\n");
        return PARSER.parse(raw.toString().getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
