package org.loredigest.classify.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long list of phrases, {@code prefix(?:a|b|c|…)suffix}, searched with the same result as that one
 * {@link Pattern}'s {@code find()}, but faster: at each position only the phrases that can begin with the character
 * there are tried. The JDK's engine tries every phrase at every word start, which made the problem-class lists a
 * tenth of classify-service's CPU.
 *
 * <p>Why the result is the same: {@code find()} returns the match at the leftmost position where any phrase matches,
 * and at that position the first phrase (in list order) that matches with its suffix. A phrase left out at a position
 * cannot match there, because it cannot begin with that character; the order of the others is kept, and the text
 * around the position stays visible to boundaries and look-behinds (transparent bounds).
 *
 * <p>Which characters a phrase can begin with is read from its source by {@link FirstChars}; anything it cannot tell
 * (a dot, a negated class, inline flags) counts as "any character", so the phrase is tried everywhere.
 */
public final class Alternation {

    private static final boolean[] WORD = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            WORD[c] = Character.isLetterOrDigit(c) || c == '_';
        }
    }

    private final Pattern whole;
    /** Per distinct set of phrases, its pattern; {@link #byFirst} and {@link #beyondAscii} index into it (-1: none). */
    private final Pattern[] distinct;
    private final int[] byFirst = new int[128];
    private final int beyondAscii;
    private final boolean wordStart;

    private Alternation(String prefix, List<String> phrases, String suffix, int flags) {
        if (!prefix.isEmpty() && !prefix.equals("\\b")) {
            throw new IllegalArgumentException("prefix must be empty or \\b, not " + prefix);
        }
        if ((flags & ~(Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)) != 0) {
            throw new IllegalArgumentException("only CASE_INSENSITIVE and MULTILINE are supported: " + flags);
        }
        this.whole = Pattern.compile(prefix + "(?:" + String.join("|", phrases) + ")" + suffix, flags);
        this.wordStart = prefix.equals("\\b");
        boolean foldCase = (flags & Pattern.CASE_INSENSITIVE) != 0;
        List<FirstChars> firsts = phrases.stream().map(p -> FirstChars.of(p, foldCase)).toList();
        Map<List<Integer>, Integer> ids = new HashMap<>();
        List<Pattern> patterns = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            byFirst[c] = subset(prefix, phrases, suffix, flags, firsts, c, ids, patterns);
        }
        this.beyondAscii = subset(prefix, phrases, suffix, flags, firsts, -1, ids, patterns);
        this.distinct = patterns.toArray(Pattern[]::new);
    }

    /** {@code regex} of the form {@code prefix(?:phrase|phrase|…)suffix}, prefix empty or {@code \b}. */
    public static Alternation compile(String regex) {
        return compile(regex, 0);
    }

    /** As {@link #compile(String)}, with {@link Pattern#CASE_INSENSITIVE} and/or {@link Pattern#MULTILINE}. */
    public static Alternation compile(String regex, int flags) {
        int open = regex.indexOf("(?:");
        if (open < 0) {
            throw new IllegalArgumentException("not of the form prefix(?:a|b|…)suffix: " + regex);
        }
        int end = FirstChars.groupEnd(regex, open);
        Alternation alternation = new Alternation(regex.substring(0, open), FirstChars.branches(regex, open + 3, end - 1),
                regex.substring(end), flags);
        if (!alternation.whole.pattern().equals(regex)) {
            throw new IllegalArgumentException("not of the form prefix(?:a|b|…)suffix: " + regex);
        }
        return alternation;
    }

    /** The one pattern this stands for. */
    public Pattern pattern() {
        return whole;
    }

    /** Whether {@code pattern().matcher(text).find()}. */
    public boolean found(CharSequence text) {
        return find(text) != null;
    }

    /** What {@code pattern().matcher(text).find()} would match first ({@code group()}), or null. */
    public String find(CharSequence text) {
        int n = text.length();
        Matcher[] matchers = null;
        for (int p = 0; p < n; p++) {
            char c = text.charAt(p);
            int sub = c < 128 ? byFirst[c] : beyondAscii;
            if (sub < 0 || c < 128 && wordStart && WORD[c] && p > 0 && isAsciiWord(text.charAt(p - 1))) {
                continue;
            }
            if (matchers == null) {
                matchers = new Matcher[distinct.length];
            }
            Matcher m = matchers[sub];
            if (m == null) {
                m = distinct[sub].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[sub] = m;
            }
            m.region(p, n);
            if (m.lookingAt()) {
                return m.group();
            }
        }
        return null;
    }

    private static boolean isAsciiWord(char c) {
        return c < 128 && WORD[c];
    }

    /**
     * The phrases that can begin with {@code c} (-1: any character beyond ASCII), in list order, as one pattern: its
     * index in {@code patterns}, or -1 when there are none.
     */
    private static int subset(String prefix, List<String> phrases, String suffix, int flags, List<FirstChars> firsts,
                              int c, Map<List<Integer>, Integer> ids, List<Pattern> patterns) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            if (c < 0 ? firsts.get(i).beyondAscii() : firsts.get(i).contains(c)) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty()) {
            return -1;
        }
        return ids.computeIfAbsent(chosen, chosenIds -> {
            patterns.add(Pattern.compile(
                    prefix + "(?:" + String.join("|", chosenIds.stream().map(phrases::get).toList()) + ")" + suffix, flags));
            return patterns.size() - 1;
        });
    }
}
