package org.loredigest.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageKeyTest {

    @Test
    void normalisesHeaderValues() {
        assertThat(MessageKey.normalize(" <20240301.abc@kernel.org> ")).isEqualTo("20240301.abc@kernel.org");
        assertThat(MessageKey.normalize("<a@b> (comment)")).isEqualTo("a@b");
        assertThat(MessageKey.normalize("<a\n @b>")).isEqualTo("a@b");
        assertThat(MessageKey.normalize("bare@id")).isEqualTo("bare@id");
        assertThat(MessageKey.normalize("<>")).isNull();
        assertThat(MessageKey.normalize(null)).isNull();
    }

    @Test
    void fallsBackToContentHash() {
        byte[] raw = "Subject: no id\n\nx\n".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageKey.of(null, raw)).startsWith(MessageKey.CONTENT_PREFIX).isEqualTo(MessageKey.of("", raw));
        assertThat(MessageKey.of("<x@y>", raw)).isEqualTo("x@y");
    }

    @Test
    void deadLetterTwins() {
        assertThat(Topics.deadLetterOf(Topics.MAIL_PARSED)).isEqualTo(Topics.MAIL_PARSED_DLQ);
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t).matches("lore\\.[a-z]+\\.[a-z]+\\.v\\d+(\\.dlq)?"));
    }
}
