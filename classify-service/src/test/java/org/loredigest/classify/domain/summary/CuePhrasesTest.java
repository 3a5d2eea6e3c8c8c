package org.loredigest.classify.domain.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.Alternation;
import org.loredigest.classify.domain.AlternationTest;
import org.loredigest.classify.testing.Corpus;

/** The summary's cue lists find exactly what their patterns find, paragraph by paragraph of real mail. */
class CuePhrasesTest {

    private static final Map<String, Alternation> CUES = Map.of("PROBLEM", Cues.PROBLEM, "BACKGROUND", Cues.BACKGROUND,
            "PROPOSAL", Cues.PROPOSAL, "PERF_WORD", Cues.PERF_WORD, "NOT_A_CAVEAT", Cues.NOT_A_CAVEAT, "OBJECTION",
            Cues.OBJECTION);

    @Test
    void sameMatchesAsThePatternsOnRealParagraphs() {
        int paragraphs = 0;
        int found = 0;
        for (String month : Corpus.Q1_2024) {
            Path mbox = Corpus.cgroups(month);
            assumeTrue(Files.isRegularFile(mbox), "the shared corpus is beside the repository");
            for (byte[] raw : Corpus.messages(mbox)) {
                for (String paragraph : new String(raw, StandardCharsets.UTF_8).split("\n\n")) {
                    for (var cue : CUES.entrySet()) {
                        String expected = AlternationTest.reference(cue.getValue().pattern(), paragraph);
                        assertThat(cue.getValue().find(paragraph)).as(cue.getKey()).isEqualTo(expected);
                        found += expected == null ? 0 : 1;
                    }
                    paragraphs++;
                }
            }
        }
        assertThat(paragraphs).isGreaterThan(5_000);
        assertThat(found).isGreaterThan(1_000);
    }
}
