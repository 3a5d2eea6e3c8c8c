package org.loredigest.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class AlternationTest {

    @Test
    void firstCharactersOfCommonForms() {
        assertThat(chars("use[- ]after[- ]free")).isEqualTo("u");
        assertThat(chars("(?<!shift-)out[- ]of[- ]bounds")).isEqualTo("o");
        assertThat(chars("(?:unprivileged|non-root|untrusted) user")).isEqualTo("nu");
        assertThat(chars("[- ]?x")).isEqualTo(" -x");
        assertThat(chars("\\d+x slower")).isEqualTo("0123456789");
        assertThat(chars("-werror")).isEqualTo("-");
        assertThat(chars("\\(x")).isEqualTo("(");
        assertThat(chars("\\w*x")).hasSize(63);
        assertThat(FirstChars.of("nack", true).contains('N')).isTrue();
        assertThat(FirstChars.of("é", false).beyondAscii()).isTrue();
    }

    @Test
    void whatItCannotReadCountsAsAnyCharacter() {
        for (String unknown : List.of(".*x", "\\x41", "[^a]", "(?i)x", "\\p{L}", "x?", "(?:a|)")) {
            FirstChars first = FirstChars.of(unknown, false);
            assertThat(first.ascii().cardinality()).as(unknown).isEqualTo(128);
            assertThat(first.beyondAscii()).as(unknown).isTrue();
        }
    }

    @Test
    void findsWhatThePatternFinds() {
        Alternation phrases = Alternation.compile(
                "\\b(?:kernel panic|panic|oops|hang(?:s)?\\b|(?<!boot |test )error: |-werror|w=1|null(?:[- ]pointer)? deref\\w*)\\b");
        List<String> texts = List.of("a kernel panic here", "no match at all", "boot error: x, then error: y",
                "build with -werror fails", "make w=1", "xpanic panic", "null-pointer dereference",
                "hangs, hang, hangover", "épanic panic", "", "oops");
        for (String text : texts) {
            assertThat(phrases.find(text)).as(text).isEqualTo(reference(phrases.pattern(), text));
        }
    }

    @Test
    void caseInsensitiveListsMatchEitherCase() {
        Alternation phrases = Alternation.compile("\\b(?:i disagree|not convinced|regress(?:es|ion))\\b",
                Pattern.CASE_INSENSITIVE);
        assertThat(phrases.find("Well, I DISAGREE.")).isEqualTo("I DISAGREE");
        assertThat(phrases.find("This is a Regression")).isEqualTo("Regression");
        assertThat(phrases.find("regressions")).isNull();
    }

    @Test
    void rejectsWhatItCannotSplit() {
        assertThatThrownBy(() -> Alternation.compile("panic|oops")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Alternation.compile("x(?:a|b)")).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code pattern.matcher(text).find()}: what the alternation must give. */
    public static String reference(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static String chars(String regex) {
        FirstChars first = FirstChars.of(regex, false);
        StringBuilder sb = new StringBuilder();
        first.ascii().stream().forEach(c -> sb.append((char) c));
        return sb.toString();
    }
}
