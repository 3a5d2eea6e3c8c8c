package org.loredigest.classify.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds any of a few literal words in a text in one pass: at each position only the words that begin with the
 * character there are compared. It replaces one {@code indexOf} scan of the whole text per word, which on the C1
 * compiler (no string intrinsics) cost a full character loop each.
 */
public final class LiteralWords {

    private final String[][] byFirstAscii = new String[128][];
    private final String[] beyondAscii;

    private LiteralWords(List<String> words) {
        List<List<String>> ascii = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            ascii.add(new ArrayList<>());
        }
        List<String> other = new ArrayList<>();
        for (String w : words) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("an empty word matches everywhere");
            }
            char first = w.charAt(0);
            (first < 128 ? ascii.get(first) : other).add(w);
        }
        for (int c = 0; c < 128; c++) {
            byFirstAscii[c] = ascii.get(c).isEmpty() ? null : ascii.get(c).toArray(String[]::new);
        }
        beyondAscii = other.isEmpty() ? null : other.toArray(String[]::new);
    }

    public static LiteralWords of(List<String> words) {
        return new LiteralWords(words);
    }

    /** The first position at or after {@code from} where one of the words begins, or -1. */
    public int find(String text, int from) {
        for (int i = Math.max(0, from), n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            String[] candidates = c < 128 ? byFirstAscii[c] : beyondAscii;
            if (candidates != null) {
                for (String w : candidates) {
                    if (text.startsWith(w, i)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }
}
