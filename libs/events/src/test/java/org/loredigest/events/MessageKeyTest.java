package org.loredigest.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageKeyTest {

    @Test
    void contentKeysAreStableHashes() {
        byte[] raw = "Subject: no id\n\nx\n".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageKey.fromContent(raw)).startsWith(MessageKey.CONTENT_PREFIX).isEqualTo(MessageKey.fromContent(raw.clone()))
                .hasSize(MessageKey.CONTENT_PREFIX.length() + 64);
    }

    @Test
    void longKeysBecomeShortDocumentIds() {
        assertThat(MessageKey.documentId("a@b")).isEqualTo("a@b");
        String longId = "x".repeat(300) + "@b";
        assertThat(MessageKey.documentId(longId)).startsWith(MessageKey.CONTENT_PREFIX).isEqualTo(MessageKey.documentId(longId));
    }
}
