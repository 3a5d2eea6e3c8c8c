package org.loredigest.classify.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.Alternation;
import org.loredigest.classify.domain.AlternationTest;
import org.loredigest.classify.testing.Corpus;

/** The problem-class phrase lists find exactly what their patterns find, on real mail. */
class ProblemClassTest {

    private static final Map<String, Alternation> LISTS = Map.of("HIGH", ProblemClass.HIGH, "WARN_ONLY",
            ProblemClass.WARN_ONLY, "BUILD", ProblemClass.BUILD, "SECURITY", ProblemClass.SECURITY, "CRASH_SPLAT",
            ProblemClass.CRASH_SPLAT, "NO_FUNCTIONAL_CHANGE", ProblemClass.NO_FUNCTIONAL_CHANGE, "CLEANUP",
            ProblemClass.CLEANUP);

    @Test
    void sameMatchesAsThePatternsOnRealMail() {
        List<String> texts = new ArrayList<>();
        for (String month : Corpus.Q1_2024) {
            Path mbox = Corpus.cgroups(month);
            assumeTrue(Files.isRegularFile(mbox), "the shared corpus is beside the repository");
            for (byte[] raw : Corpus.messages(mbox)) {
                texts.add(new String(raw, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
            }
        }
        int found = 0;
        for (var list : LISTS.entrySet()) {
            for (String text : texts) {
                String expected = AlternationTest.reference(list.getValue().pattern(), text);
                assertThat(list.getValue().find(text)).as(list.getKey()).isEqualTo(expected);
                found += expected == null ? 0 : 1;
            }
        }
        assertThat(texts).hasSizeGreaterThan(500);
        assertThat(found).isGreaterThan(1_000);
    }
}
