package org.loredigest.mail.trailer;

/**
 * Where the commit message of a patch mail lies. Normally it is everything above the first {@code ---} line or the
 * diff. Stable backports often open with a note of their own ({@code [ Upstream commit abc ]}, "NOTE: partial
 * backport", ...) and a {@code ---} line, and only then the original commit message with its trailers, a second
 * {@code ---} and the diffstat. Such a note has no Signed-off-by while the part below it does: then the commit message
 * is the part between the two separators. A normal patch signs above its first {@code ---}, so it is never read so.
 */
public final class CommitMessages {

    /**
     * A part of the text.
     *
     * @param start first character of the commit message
     * @param end   the character after it: the {@code \n} before its {@code ---} line or diff, or the text's length
     */
    public record Span(int start, int end) {

        /** Whether the commit message sits below a leading note and its own {@code ---} line. */
        public boolean belowNote() {
            return start > 0;
        }
    }

    private static final String SEPARATOR = "\n---\n";

    private CommitMessages() {
    }

    /** The commit message of {@code text} (a patch or other new message), without surrounding blank lines. */
    public static String of(String text) {
        Span s = span(text);
        return text.substring(s.start(), s.end()).strip();
    }

    public static Span span(String text) {
        int diff = text.startsWith("diff --git") ? 0 : text.indexOf("\ndiff --git ");
        int limit = diff < 0 ? text.length() : diff;
        int first = text.startsWith("---\n") ? 0 : text.indexOf(SEPARATOR);
        if (first < 0 || first >= limit) {
            return new Span(0, limit);
        }
        if (first > 0 && !signedOff(text, 0, first)) {
            int below = first + SEPARATOR.length();
            int second = text.indexOf(SEPARATOR, below - 1);
            if (second > below && second < limit && signedOff(text, below, second)) {
                return new Span(below, second);
            }
        }
        return new Span(0, first);
    }

    /** A Signed-off-by line (any case) starts a line within {@code [from, to)}. */
    private static boolean signedOff(String text, int from, int to) {
        int at = from;
        while (true) {
            at = indexOfIgnoreCase(text, "signed-off-by:", at, to);
            if (at < 0) {
                return false;
            }
            if (at == 0 || text.charAt(at - 1) == '\n') {
                return true;
            }
            at++;
        }
    }

    private static int indexOfIgnoreCase(String s, String needle, int from, int to) {
        int n = needle.length();
        for (int i = from; i + n <= to; i++) {
            char c = s.charAt(i);
            if ((c == 's' || c == 'S') && s.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }
}
