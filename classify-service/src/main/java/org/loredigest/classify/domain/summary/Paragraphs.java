package org.loredigest.classify.domain.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits mail text into readable paragraphs: no trailers, quotes, changelog bullets or diff lines. */
final class Paragraphs {

    static final int FIELD_LIMIT = 480;

    private static final Pattern TRAILER = Pattern.compile(
            "^(?:[A-Z][A-Za-z]*-)*[A-Za-z]+-by:|^(?:Fixes|Link|Closes|Cc|CC|Message-ID|change-id|base-commit|Reported-and-tested-by):");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

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
            String p = current.toString().replaceAll("\\s+", " ").strip();
            if (p.length() >= 20) {
                out.add(p);
            }
            current.setLength(0);
        }
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
