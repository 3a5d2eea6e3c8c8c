package org.loredigest.classify.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.Alternation;
import org.loredigest.classify.domain.AlternationTest;

/** The rules' own phrase lists find what a plain search with their pattern finds. */
class RulePhrasesTest {

    @Test
    void featureWordsAndMainlineNotices() {
        List<String> texts = List.of("this series adds support for foo", "we introduce a knob", "reintroduced nothing",
                "It Has Been Merged Into torvalds/linux.git.", "landed in v6.8 already", "not merged yet",
                "provides a new low overhead mechanism", "");
        for (Alternation phrases : List.of(TypeRule.FEATURE_WORDS, FixStatusRule.MAINLINE)) {
            for (String text : texts) {
                assertThat(phrases.find(text)).as(text).isEqualTo(AlternationTest.reference(phrases.pattern(), text));
            }
        }
        assertThat(TypeRule.FEATURE_WORDS.find("we introduce a knob")).isEqualTo("introduce");
        assertThat(FixStatusRule.MAINLINE.find("It Has Been Merged Into torvalds/linux.git.")).isEqualTo(
                "Has Been Merged Into torvalds/linux.git");
    }
}
