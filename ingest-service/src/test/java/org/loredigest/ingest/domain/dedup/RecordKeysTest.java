package org.loredigest.ingest.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loredigest.events.MessageKey;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.header.RawHeader;

/** The record key ingest publishes under is the Message-ID the parser (Elasticsearch id, thread links) reads. */
class RecordKeysTest {

    private static final String ID = "20240301.abc-1@kernel.org";

    @ParameterizedTest
    @ValueSource(strings = {
        "<20240301.abc-1@kernel.org>",
        "20240301.abc-1@kernel.org (added by the list)",
        "<20240301.abc-1@kernel.org> (added by the list)",
        "<Jane Doe <20240301.abc-1@kernel.org>>",
        "<<20240301.abc-1@kernel.org>>",
        "<20240301.abc-1@\n kernel.org>",
        "<20240301.abc-1@kernel.org",
        "<20240301.abc-1@kernel.org (comment)"
    })
    void keyIsTheParsersMessageId(String spelling) {
        byte[] raw = mail(spelling, "body\n");
        assertThat(RecordKeys.of(RawHeader.scan(raw))).isEqualTo(ID)
                .isEqualTo(new MailParser().parse(raw, Instant.parse("2024-03-01T12:00:00Z")).messageId());
    }

    @Test
    void eightBitBytesInTheIdGiveTheParsersIdToo() {
        byte[] head = "From: Jane <jane@example.org>\nSubject: x\nMessage-ID: <caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "@example.org>\n\nbody\n".getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        raw[head.length] = (byte) 0xe9; // windows-1252 'é', not UTF-8
        System.arraycopy(tail, 0, raw, head.length + 1, tail.length);
        assertThat(RecordKeys.of(RawHeader.scan(raw))).isEqualTo(new MailParser().parse(raw, Instant.parse("2024-03-01T12:00:00Z")).messageId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "20240301.abc-1@kernel.org (added by the list)",
        "<Jane Doe <20240301.abc-1@kernel.org>>",
        "<20240301.abc-1@\n kernel.org>"
    })
    void aCopySpelledOtherwiseIsACopy(String spelling) {
        DuplicateFilter filter = new DuplicateFilter(new SeenMessages(10));
        assertThat(filter.admit(RawHeader.scan(mail("<" + ID + ">", "body\n")), new Object()).isNew()).isTrue();
        assertThat(filter.admit(RawHeader.scan(mail(spelling, "body\n")), new Object()).isNew()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<>", "(no id)"})
    void withoutAUsableIdTheKeyIsAContentHash(String spelling) {
        byte[] raw = mail(spelling, "body\n");
        assertThat(RecordKeys.of(RawHeader.scan(raw))).isEqualTo(MessageKey.fromContent(raw)).startsWith(MessageKey.CONTENT_PREFIX);
    }

    private static byte[] mail(String messageId, String body) {
        return ("From: Jane <jane@example.org>\nDate: Fri, 1 Mar 2024 10:00:00 +0000\nSubject: [PATCH] mm: x\n"
                + "Message-ID: " + messageId.replace("\n", "\n ") + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
