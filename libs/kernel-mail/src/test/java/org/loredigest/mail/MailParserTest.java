package org.loredigest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.kind.MailKind;

/** Hand-written messages for cases the corpus does not contain. */
class MailParserTest {

    private static final Instant RECEIVED = Instant.parse("2024-06-01T12:00:00Z");
    private final MailParser parser = new MailParser();

    private ParsedMail parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    @Test
    void viaListRewritingIsUndone() {
        ParsedMail m = parse("""
                From: "Jane Doe via Kernel-Group" <kernel-group@googlegroups.com>
                X-Original-From: Jane Doe <jane@corp.example>
                Reply-To: Jane Doe <jane@corp.example>
                Message-ID: <1@corp.example>
                Date: Sat, 1 Jun 2024 10:00:00 +0000
                Subject: Re: [PATCH] foo

                Looks fine.
                """);
        assertThat(m.fromName()).isEqualTo("Jane Doe");
        assertThat(m.fromEmail()).isEqualTo("jane@corp.example");
        assertThat(m.fromViaList()).isTrue();

        ParsedMail mailman = parse("""
                From: "John Roe via linux-foo" <linux-foo@lists.example.org>
                Cc: John Roe <john@example.net>
                Message-ID: <2@x>
                Date: Sat, 1 Jun 2024 10:00:00 +0000
                Subject: hello

                text
                """);
        assertThat(mailman.fromEmail()).isEqualTo("john@example.net");
    }

    @Test
    void missingIdAndUnusableDatesFallBackAndSaySo() {
        String raw = """
                From: A <a@example.org>
                Date: someday
                Subject: [PATCH] x

                body
                """;
        ParsedMail m = parse(raw);
        assertThat(m.messageIdFallback()).isTrue();
        assertThat(m.messageId()).endsWith(MessageIds.FALLBACK_DOMAIN).isEqualTo(parse(raw).messageId());
        assertThat(m.date()).isEqualTo(RECEIVED);
        assertThat(m.dateSource()).isEqualTo(DateSource.RECEIVED_TIME);
        assertThat(m.dateNote()).contains("someday");
        assertThat(m.problems()).extracting(MailProblem::code).contains("message-id-missing", "date-unusable");

        ParsedMail keyed = new MailParser().parse(raw.getBytes(StandardCharsets.UTF_8), RECEIVED, "sha256:given");
        assertThat(keyed.messageId()).as("the caller's id, no hash").isEqualTo("sha256:given");
        assertThat(keyed.messageIdFallback()).isTrue();
        assertThat(keyed.problems()).extracting(MailProblem::detail).contains("no Message-ID: using sha256:given");
        byte[] withId = "From: a@b\nMessage-ID: <z@b>\n\nx\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new MailParser().parse(withId, RECEIVED, "sha256:given").messageId()).as("a mail's own id wins")
                .isEqualTo("z@b");

        ParsedMail absurd = parse("From: a@b\nMessage-ID: <z@b>\nDate: Mon, 20 May 2024 10:00:00 +1700\n\nx\n");
        assertThat(absurd.dateSource()).isEqualTo(DateSource.HEADER);
        assertThat(absurd.dateNote()).contains("+1700");
        assertThat(absurd.dateUtcOffsetMinutes()).as("absurd zone").isNull();
        assertThat(m.dateUtcOffsetMinutes()).as("received time").isNull();
        ParsedMail future = parse("From: a@b\nMessage-ID: <f@b>\nDate: Mon, 19 Aug 2047 10:00:00 +0000\n\nx\n");
        assertThat(future.dateSource()).isEqualTo(DateSource.RECEIVED_TIME);
    }

    @Test
    void theSendersZoneIsKept() {
        ParsedMail m = parse("From: a@b\nMessage-ID: <tz@b>\nDate: Thu, 30 May 2024 17:05:21 +0530\n\nx\n");
        assertThat(m.date()).isEqualTo(Instant.parse("2024-05-30T11:35:21Z"));
        assertThat(m.dateUtcOffsetMinutes()).isEqualTo(330);
        ParsedMail iso = parse("From: a@b\nMessage-ID: <iso@b>\nDate: 2024-05-30 17:05:21 +0530\n\nx\n");
        assertThat(iso.dateSource()).isEqualTo(DateSource.HEADER);
        assertThat(iso.date()).isEqualTo(Instant.parse("2024-05-30T11:35:21Z"));
        assertThat(iso.problems()).isEmpty();
    }

    @Test
    void unusableInputIsRefusedGarbageIsNot() {
        assertThatThrownBy(() -> parser.parse(new byte[0], RECEIVED)).isInstanceOf(UnusableMailException.class);
        assertThatThrownBy(() -> parse("no header here\n\nbody")).isInstanceOf(UnusableMailException.class);
        ParsedMail garbage = parse("X: y\n\u0000\u0001 binary \uFFFD\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n--zz\n");
        assertThat(garbage.problems()).isNotEmpty();
        assertThat(MailParser.usable("Subject: x\n\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void declaredButWrongCharsetsAndHtmlOnly() {
        ParsedMail latin1AsUtf8 = parser.parse(("From: a@b\nMessage-ID: <c@b>\nContent-Type: text/plain; charset=utf-8\n\n"
                + "Gr\u00fc\u00dfe\n").getBytes(Charset.forName("ISO-8859-1")), RECEIVED);
        assertThat(latin1AsUtf8.bodyText()).contains("Grüße");
        assertThat(latin1AsUtf8.problems()).extracting(MailProblem::code).contains("charset-invalid");

        ParsedMail utf8AsAscii = parse("From: a@b\nMessage-ID: <d@b>\nContent-Type: text/plain; charset=us-ascii\n\nKoutný\n");
        assertThat(utf8AsAscii.bodyText()).contains("Koutný");

        ParsedMail html = parse("""
                From: a@b
                Message-ID: <e@b>
                Content-Type: text/html; charset=utf-8

                <html><body><p>Hello <b>list</b></p><p>second&nbsp;para</p><script>x()</script></body></html>
                """);
        assertThat(html.htmlOnly()).isTrue();
        assertThat(html.bodyText()).contains("Hello list").contains("second").doesNotContain("<p>").doesNotContain("x()");
    }

    @Test
    void patchAttachedAsTextXPatch() {
        ParsedMail m = parse("""
                From: a@b
                Message-ID: <att@b>
                Subject: [PATCH] mm: attached
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                See attachment.
                --b1
                Content-Type: text/x-patch; name="0001-fix.patch"
                Content-Disposition: attachment; filename="0001-fix.patch"
                Content-Transfer-Encoding: base64

                ZGlmZiAtLWdpdCBhL21tL3guYyBiL21tL3guYwotLS0gYS9tbS94LmMKKysrIGIvbW0veC5jCkBAIC0xICsxIEBACi1hCitiCg==
                --b1--
                """);
        assertThat(m.kind()).isEqualTo(MailKind.PATCH);
        assertThat(m.patch().paths()).containsExactly("mm/x.c");
        assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.inlinedText()).isTrue());
    }

    @Test
    void treeMaintenanceMail() {
        ParsedMail added = parse("""
                From: Andrew Morton <akpm@linux-foundation.org>
                Message-ID: <20240601.akpm@x>
                Subject: + mm-fix-foo.patch added to mm-unstable branch

                The patch titled
                     Subject: mm: fix foo
                has been added to the -mm mm-unstable branch.
                """);
        assertThat(added.kind()).isEqualTo(MailKind.MM_COMMITS);
        assertThat(added.mmCommits().patchFile()).isEqualTo("mm-fix-foo.patch");
        assertThat(added.mmCommits().branch()).isEqualTo("mm-unstable");
        ParsedMail merged = parse("From: akpm@linux-foundation.org\nMessage-ID: <m@x>\n"
                + "Subject: [merged mm-stable] mm-fix-foo.patch removed from -mm tree\n\nx\n");
        assertThat(merged.mmCommits().action()).isEqualTo("merged mm-stable");

        ParsedMail review = parse("From: Greg Kroah-Hartman <gregkh@linuxfoundation.org>\nMessage-ID: <s@x>\n"
                + "Subject: [PATCH 6.6 043/116] mm: fix foo\n\n6.6-stable review patch.\n\ncommit 0123456789abcdef0123 upstream.\n");
        assertThat(review.kind()).isEqualTo(MailKind.STABLE_REVIEW);
        assertThat(review.stable().tree()).isEqualTo("6.6");
        assertThat(review.stable().upstreamCommit()).isEqualTo("0123456789abcdef0123");

        ParsedMail failed = parse("From: gregkh@linuxfoundation.org\nMessage-ID: <f@x>\n"
                + "Subject: FAILED: patch \"[PATCH] mm: fix foo\" failed to apply to 6.1-stable tree\n\nThe patch below...\n");
        assertThat(failed.kind()).isEqualTo(MailKind.BACKPORT_FAILURE);
        assertThat(failed.stable().tree()).isEqualTo("6.1");
        assertThat(failed.stable().failedPatch()).isEqualTo("[PATCH] mm: fix foo");

        ParsedMail applied = parse("From: Tejun Heo <tj@kernel.org>\nMessage-ID: <a@x>\nIn-Reply-To: <p@x>\n"
                + "Subject: Re: [PATCH] cgroup: fix\n\n> patch\n\nApplied to cgroup/for-6.10.\n\nThanks.\n");
        assertThat(applied.kind()).isEqualTo(MailKind.APPLIED_NOTICE);
    }

    @Test
    void serialisesWithJackson() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ParsedMail m = parse("""
                From: A <a@example.org>
                Message-ID: <j@example.org>
                Date: Sat, 1 Jun 2024 10:00:00 +0000
                Subject: [PATCH v2 1/2] mm: x

                Signed-off-by: A <a@example.org>
                ---
                diff --git a/mm/x.c b/mm/x.c
                --- a/mm/x.c
                +++ b/mm/x.c
                @@ -1 +1 @@
                -a
                +b
                """);
        JsonNode tree = json.readTree(json.writeValueAsString(m));
        assertThat(tree.get("messageId").asText()).isEqualTo("j@example.org");
        assertThat(tree.get("date").asText()).isEqualTo("2024-06-01T10:00:00Z");
        assertThat(tree.get("parsedSubject").get("version").asInt()).isEqualTo(2);
        assertThat(tree.get("patch").get("files").get(0).get("path").asText()).isEqualTo("mm/x.c");
        assertThat(tree.get("trailers").get(0).get("type").asText()).isEqualTo("SIGNED_OFF_BY");
        assertThat(tree.get("kind").asText()).isEqualTo("PATCH");
    }

    @Test
    void headerKeysFastPath() {
        HeaderKeys keys = parser.parseKeys(("Message-ID: <k@x>\nDate: Sat, 1 Jun 2024 10:00:00 +0000\n"
                + "List-Id: Linux MM <linux-mm.kvack.org>\nX-Mailing-List: linux-mm@kvack.org\n\nbody").getBytes(StandardCharsets.UTF_8),
                RECEIVED);
        assertThat(keys.messageId()).isEqualTo("k@x");
        assertThat(keys.listIds()).containsExactly("linux-mm.kvack.org");
        assertThat(keys.dateSource()).isEqualTo(DateSource.HEADER);
        assertThat(MessageIds.normalize(" <a@b> (comment)")).isEqualTo("a@b");
        assertThat(MessageIds.normalize("<Name <id@host>")).isEqualTo("id@host");
        assertThat(MessageIds.parseList("<a@b>\n\t<c@d> <a@b>")).containsExactly("a@b", "c@d");
    }
}
