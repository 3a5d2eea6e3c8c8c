package org.loredigest.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CorpusReplayTest {

    private static final String MAIL = """
            From: "Doe, Jane" <jane.doe@example.org>
            To: linux-mm@kvack.org
            Subject: [PATCH v2 0/3] mm: make the
             shrinker lockless
            Message-ID: <20240101-abc@example.org>
            In-Reply-To: <parent@example.org>

            Cover letter text, jane.doe@example.org stays as written.
            ---
            change-id: 20240101-shrinker-1a2b3c
            base-commit: 0123456789abcdef
            """;

    @Test
    void aReplayIsNewMailInANewSeriesByAnotherSender() {
        String replay = new String(CorpusReplay.rewrite(MAIL.getBytes(StandardCharsets.ISO_8859_1), 3), StandardCharsets.ISO_8859_1);
        assertThat(replay).startsWith("X-Lore-Replay: 3\n")
                .contains("From: \"Doe, Jane\" <jane.doe+r3@example.org>\n")
                .contains("Subject: [PATCH v2 0/3] mm: make the\n shrinker lockless r3\n")
                .contains("Message-ID: <r3.20240101-abc@example.org>\n")
                .contains("In-Reply-To: <r3.parent@example.org>\n")
                .contains("Cover letter text, jane.doe@example.org stays as written.\n")
                .contains("change-id: 20240101-shrinker-1a2b3c-r3\n")
                .contains("base-commit: 0123456789abcdef\n");
    }
}
