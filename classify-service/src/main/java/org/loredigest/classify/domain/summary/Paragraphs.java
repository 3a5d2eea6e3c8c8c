package org.loredigest.classify.domain.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.TextMemo;

/** Splits mail text into readable paragraphs: no trailers, quotes, changelog bullets or diff lines. */
final class Paragraphs {

    static final int FIELD_LIMIT = 480;

    private static final Pattern TRAILER = Pattern.compile(
            "^(?:[A-Z][A-Za-z]*-)*[A-Za-z]+-by:|^(?:Fixes|Link|Closes|Cc|CC|Message-ID|change-id|base-commit|Reported-and-tested-by):");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A token of a number table: "12", "-3.5%", "(0x1f)", "10:42". */
    private static final Pattern NUMBER_TOKEN = Pattern.compile("[-+(]?[\\d.,:%x]+\\)?");
    private static final Pattern SENTENCE_SPLIT = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(\"'])");
    /** Text that is not prose: headers, changelogs, diffstats, shortlogs, pull boilerplate, code, dumps, tables. */
    private static final Pattern NOISE = Pattern.compile(
            "^(?:From|Date|Subject|To|Cc):|^(?:Usage|Example output|Results? posted at)\\b|^Rebased\\b|^This reverts commit"
                    + "|^\\[\\d+\\]|^https?://|\\|\\s*\\d+\\s*[+-]|\\bfiles? changed\\b|^\\p{Lu}[\\p{L}\\d_ .'-]+ \\(\\d+\\):"
                    + "|The following changes since commit|are available in the Git repository|-{6,}|={6,}"
                    + "|^\\||HEAD commit:|git tree:|console output:|kernel config:|dashboard link:|syz repro:|C reproducer:"
                    + "|^\\[ ?Upstream commit|(?-i:^commit [0-9a-f]{40})|\\bAuthor: .*\\bDate:|\\bavailable at:?$"
                    + "|^\\(.*\\)$|^\\[[A-Z]+\\]"
                    + "|#define|\\bhex dump\\b|unreferenced object|\\bRIP:|Call Trace|^[+-]\\S|^- |\\) \\{|;\\s*$|\\*/|/\\*|\\.\\w+ = |\\w\\([^)]*\\)\\s*;",
            Pattern.CASE_INSENSITIVE);

    private Paragraphs() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            boolean skip = l.startsWith(">") || TRAILER.matcher(l).find() || l.startsWith("diff --git") || l.startsWith("@@")
                    || l.startsWith("+++") || l.startsWith("--- ") || l.equals("---") || l.startsWith("On ") && l.endsWith("wrote:");
            if (l.isEmpty() || skip) {
                flush(current, out);
                continue;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(l);
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            String p = WHITESPACE.matcher(current).replaceAll(" ").strip();
            if (p.length() >= 20) {
                out.add(p);
            }
            current.setLength(0);
        }
    }

    /** Not prose a field could quote: see {@link #NOISE}, plus number tables and version changelogs. */
    static boolean noise(String paragraph) {
        if (NOISE.matcher(paragraph).find() || Cues.CHANGELOG.matcher(paragraph).find()) {
            return true;
        }
        String[] tokens = WHITESPACE.split(paragraph);
        long numeric = java.util.Arrays.stream(tokens).filter(t -> NUMBER_TOKEN.matcher(t).matches()).count();
        return tokens.length >= 6 && numeric * 10 >= tokens.length * 4;
    }

    /**
     * Prose paragraphs only; remembered per text (the regular expressions above are most of the summariser's cost).
     */
    static List<String> prose(String text) {
        return PROSE.apply(text, t -> of(t).stream().filter(p -> !noise(p)).toList());
    }

    private static final TextMemo<List<String>> PROSE = new TextMemo<>(4_096);

    /** The sentences of a paragraph (split after . ! ? before a capital). */
    static List<String> sentences(String paragraph) {
        return List.of(SENTENCE_SPLIT.split(paragraph));
    }

    /** The paragraph cut to the field limit at a sentence end when possible. */
    static String clip(String paragraph) {
        if (paragraph.length() <= FIELD_LIMIT) {
            return paragraph;
        }
        String head = paragraph.substring(0, FIELD_LIMIT);
        var m = SENTENCE_END.matcher(head);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end > 80 ? head.substring(0, end) : head.strip() + " …";
    }

    /** The first sentence (up to the field limit). */
    static String firstSentence(String paragraph) {
        var m = SENTENCE_END.matcher(paragraph);
        if (m.find() && m.end() >= 20) {
            return clip(paragraph.substring(0, m.end()));
        }
        return clip(paragraph);
    }
}
