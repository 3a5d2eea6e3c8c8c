package org.loredigest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.kind.Bot;
import org.loredigest.mail.kind.BotMailType;
import org.loredigest.mail.kind.MailKind;
import org.loredigest.mail.testing.Corpus;
import org.loredigest.mail.trailer.TrailerType;

/** Each {@code samples/*.eml} category is recognised; samples.index.json is the oracle for ids and subjects. */
class SampleKindsTest {

    private static final MailParser PARSER = new MailParser();

    /**
     * Expected kind per sample category. Sample 08 ("reply-inline-review") quotes the whole patch and answers only
     * "Applied to cgroup/for-6.3-fixes." — a maintainer's applied notice, which is how it is classified.
     */
    private static final Map<String, MailKind> EXPECTED = Map.ofEntries(
            Map.entry("cover-letter", MailKind.COVER_LETTER),
            Map.entry("patch-in-series", MailKind.PATCH),
            Map.entry("single-patch-fixes-stable", MailKind.PATCH),
            Map.entry("rfc-patch", MailKind.PATCH),
            Map.entry("resend-patch", MailKind.PATCH),
            Map.entry("reply-reviewed-by", MailKind.REVIEW),
            Map.entry("reply-acked-by", MailKind.REVIEW),
            Map.entry("reply-inline-review", MailKind.APPLIED_NOTICE),
            Map.entry("syzbot-report", MailKind.BOT_REPORT),
            Map.entry("syzbot-monthly-report", MailKind.BOT_REPORT),
            Map.entry("syzbot-test-request", MailKind.BOT_COMMAND),
            Map.entry("syzbot-test-result", MailKind.BOT_REPLY),
            Map.entry("kernel-test-robot-build", MailKind.BOT_REPORT),
            Map.entry("kernel-test-robot-perf", MailKind.BOT_REPORT),
            Map.entry("git-pull", MailKind.PULL_REQUEST),
            Map.entry("bug-report-human", MailKind.BUG_REPORT),
            Map.entry("bug-report-fuzzer-human", MailKind.BUG_REPORT),
            Map.entry("bug-report-static-checker", MailKind.BUG_REPORT),
            Map.entry("multipart-signed", MailKind.REPLY),
            Map.entry("multipart-mixed-attachment", MailKind.REPLY),
            Map.entry("multipart-alternative-html-spam", MailKind.SPAM),
            Map.entry("base64-body", MailKind.REPLY),
            Map.entry("quoted-printable-body", MailKind.BOT_COMMAND),
            Map.entry("rfc2047-encoded-from", MailKind.REPLY),
            Map.entry("deep-thread-reply", MailKind.REPLY),
            Map.entry("reply-with-tested-by", MailKind.REVIEW),
            Map.entry("patch-with-changelog-after-triple-dash", MailKind.COVER_LETTER));

    @BeforeAll
    static void corpusPresent() {
        assumeTrue(Corpus.available(), "shared corpus not found");
    }

    @Test
    void everySampleCategoryIsRecognised() {
        JsonNode index = Corpus.json(Corpus.corpus().resolve("samples").resolve("samples.index.json"));
        assertThat(index.size()).isEqualTo(27);
        for (JsonNode sample : index) {
            String category = sample.get("category").asText();
            ParsedMail mail = parse(sample.get("file").asText());
            assertThat(mail.kind()).as(category).isEqualTo(EXPECTED.get(category));
            assertThat(mail.messageId()).as(category).isEqualTo(sample.get("message_id").asText());
        }
    }

    @Test
    void botDetails() {
        ParsedMail report = parse("09-syzbot-report.eml");
        assertThat(report.bot().bot()).isEqualTo(Bot.SYZBOT);
        assertThat(report.bot().type()).isEqualTo(BotMailType.REPORT);
        assertThat(report.bot().extId()).isEqualTo("363f98e1c445bd838351");
        assertThat(parse("10-syzbot-monthly-report.eml").bot().type()).isEqualTo(BotMailType.MONTHLY_REPORT);
        ParsedMail request = parse("11-syzbot-test-request.eml");
        assertThat(request.bot().commands()).singleElement().asString().startsWith("#syz test: git://");
        assertThat(parse("12-syzbot-test-result.eml").bot().type()).isEqualTo(BotMailType.TEST_RESULT);
        assertThat(parse("13-kernel-test-robot-build.eml").bot().type()).isEqualTo(BotMailType.BUILD_REPORT);
        assertThat(parse("14-kernel-test-robot-perf.eml").bot().type()).isEqualTo(BotMailType.PERF_REPORT);
        assertThat(report.sentByBot()).isTrue();
        assertThat(parse("13-kernel-test-robot-build.eml").sentByBot()).isTrue();
        assertThat(request.sentByBot()).as("a person's #syz command").isFalse();
        assertThat(parse("01-cover-letter.eml").sentByBot()).isFalse();
    }

    @Test
    void patchSamples() {
        ParsedMail single = parse("03-single-patch-fixes-stable.eml");
        assertThat(single.trailers()).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo(TrailerType.FIXES);
            assertThat(t.commit()).isEqualTo("b25806dcd3d5");
        });
        assertThat(single.trailers()).anyMatch(t -> t.stableCc());
        assertThat(single.patch().files()).extracting(f -> f.path()).containsExactly("mm/memcontrol.c");
        assertThat(single.patch().insertions()).isEqualTo(7);
        assertThat(single.patch().deletions()).isEqualTo(3);

        ParsedMail rfc = parse("04-rfc-patch.eml");
        assertThat(rfc.parsedSubject().rfc()).isTrue();
        assertThat(rfc.parsedSubject().part()).isEqualTo(1);
        assertThat(rfc.parsedSubject().total()).isEqualTo(8);
        assertThat(parse("05-resend-patch.eml").parsedSubject().resend()).isTrue();

        ParsedMail cover = parse("27-patch-with-changelog-after-triple-dash.eml");
        assertThat(cover.trailers()).anyMatch(t -> t.type() == TrailerType.BASE_COMMIT);
        assertThat(cover.trailers()).anyMatch(t -> t.type() == TrailerType.CHANGE_ID);
    }

    @Test
    void mimeSamples() {
        ParsedMail signed = parse("19-multipart-signed.eml");
        assertThat(signed.pgpSigned()).isTrue();
        assertThat(signed.fromName()).isEqualTo("Michal Koutný");
        assertThat(signed.bodyText()).doesNotContain("BEGIN PGP SIGNATURE");
        ParsedMail base64 = parse("22-base64-body.eml");
        assertThat(base64.newText()).isNotBlank().doesNotContain("==");
        ParsedMail qp = parse("23-quoted-printable-body.eml");
        assertThat(qp.bodyText()).doesNotContain("=\n").doesNotContain("=3D");
        ParsedMail mixed = parse("20-multipart-mixed-attachment.eml");
        assertThat(mixed.attachments()).isNotEmpty();
        ParsedMail deep = parse("25-deep-thread-reply.eml");
        assertThat(deep.references()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(deep.quotedText()).isNotBlank();
    }

    static ParsedMail parse(String file) {
        return PARSER.parse(Corpus.sample(file), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
