package org.loredigest.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralWordsTest {

    private static final List<String> WORDS = List.of("BUG: ", "Call Trace:", "ab", "aab", "b", "é", "Oops: ");

    /** The earliest position of any word: what one indexOf per word, then the minimum, gives. */
    private static int reference(String text, int from) {
        int first = -1;
        for (String w : WORDS) {
            int at = text.indexOf(w, from);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    @Test
    void findsTheEarliestWordAsSeparateScansDo() {
        LiteralWords words = LiteralWords.of(WORDS);
        Random random = new Random(7);
        String alphabet = "aabBUG: Call Trace:é\nxyzO";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                sb.append(random.nextInt(4) == 0 ? WORDS.get(random.nextInt(WORDS.size()))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String text = sb.toString();
            int from = random.nextInt(text.length() + 2) - 1;
            assertThat(words.find(text, from)).as("%s from %d", text, from).isEqualTo(reference(text, Math.max(0, from)));
        }
    }

    @Test
    void anEmptyWordIsRefused() {
        assertThatThrownBy(() -> LiteralWords.of(List.of("x", ""))).isInstanceOf(IllegalArgumentException.class);
    }
}
