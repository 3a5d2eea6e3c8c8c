package org.loredigest.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MailReceived;
import org.loredigest.events.MessageKey;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

class ReceivedMailParserTest {

    static final Path CORPUS = Path.of(System.getProperty("lore.shared.dir", "../../shared"), "corpus");
    static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    final ReceivedMailParser parser = new ReceivedMailParser();

    @Test
    void headersAgreeWithTheCorpusIndex() throws Exception {
        Path mbox = CORPUS.resolve("lore-cgroups/cgroups-2024-03.mbox");
        JsonNode index = EventJson.mapper().readTree(CORPUS.resolve("lore-cgroups/cgroups-2024-03.index.json").toFile());
        List<MboxMessage> messages;
        try (InputStream in = Files.newInputStream(mbox)) {
            messages = new MboxReader(in).stream().toList();
        }
        assertThat(messages).hasSize(index.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode expected = index.get(i);
            MailParsed parsed = parser.parse(received(messages.get(i).raw()));
            assertThat(parsed.messageId()).isEqualTo(expected.get("message_id").asText());
            assertThat(parsed.dateFromHeader()).as("date of %s", parsed.messageId()).isTrue();
            assertThat(parsed.date()).isEqualTo(rfc5322(expected.get("date").asText()));
            assertThat(parsed.listIds()).containsExactly("cgroups.vger.kernel.org");
            String inReplyTo = expected.get("in_reply_to").isNull() ? null : MessageKey.normalize(expected.get("in_reply_to").asText());
            assertThat(parsed.inReplyTo()).isEqualTo(inReplyTo);
            assertThat(parsed.references()).hasSize(expected.get("references").size());
            assertThat(parsed.fromEmail()).isNotEmpty();
        }
    }

    @Test
    void missingIdAndBadDateAreHandledAndReported() throws Exception {
        MailParsed parsed = parser.parse(received("""
                From: Some One <Some.One@Example.org>
                Date: Mon, 32 Foo 2024 99:00:00 +1700
                Subject: =?UTF-8?q?caf=C3=A9?=

                body
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.messageIdMissing()).isTrue();
        assertThat(parsed.messageId()).startsWith(MessageKey.CONTENT_PREFIX);
        assertThat(parsed.dateFromHeader()).isFalse();
        assertThat(parsed.date()).isEqualTo(RECEIVED);
        assertThat(parsed.subject()).isEqualTo("café");
        assertThat(parsed.fromEmail()).isEqualTo("some.one@example.org");
        assertThat(parsed.problems()).hasSize(2);
    }

    @Test
    void refusesInputWithoutHeaders() {
        assertThatThrownBy(() -> parser.parse(received(new byte[0]))).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(received("just some text\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnparseableMailException.class).hasMessageContaining("no header section");
    }

    private static MailReceived received(byte[] raw) {
        String key = MessageKey.of(null, raw);
        return new MailReceived(key, "cgroups", "test", "0", RECEIVED, raw);
    }

    private static Instant rfc5322(String date) {
        return ZonedDateTime.parse(date.replaceAll("\\s*\\(.*\\)$", "").replaceAll("\\s+", " "), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
