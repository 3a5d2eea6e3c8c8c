package org.loredigest.mail.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * The shortlog section of a {@code git request-pull} mail: an author line {@code Name (N):} followed by that author's
 * commit titles indented by six spaces, one block per author, blocks separated by blank lines. The diffstat below it
 * also starts with a blank and then indented lines, but never under an author line, so it is not taken.
 */
final class Shortlogs {

    /** A runaway body (a merge of a whole release) should not become a list of thousands of strings. */
    static final int MAX_COMMITS = 2000;

    private Shortlogs() {
    }

    /** The commits listed in {@code text} from {@code from} on. */
    static List<PullCommit> read(String text, int from) {
        List<PullCommit> out = new ArrayList<>();
        String author = null;
        int titleIndent = -1;
        int start = from;
        int n = text.length();
        while (start < n && out.size() < MAX_COMMITS) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(start, end);
            start = end + 1;
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                author = null;
            } else if (!Character.isWhitespace(line.charAt(0))) {
                author = authorOf(stripped);
                titleIndent = -1;
            } else if (author != null) {
                int indent = indent(line);
                if (titleIndent < 0) {
                    titleIndent = indent;
                }
                // git shortlog -w indents a wrapped title deeper than the titles themselves
                if (indent > titleIndent) {
                    PullCommit last = out.remove(out.size() - 1);
                    out.add(new PullCommit(author, last.title() + " " + stripped));
                } else {
                    out.add(new PullCommit(author, stripped));
                }
            }
        }
        return out;
    }

    /** {@code Jane Doe (3):} gives {@code Jane Doe}; any other line gives {@code null}. */
    static String authorOf(String line) {
        if (!line.endsWith("):")) {
            return null;
        }
        int open = line.lastIndexOf(" (");
        if (open <= 0) {
            return null;
        }
        for (int i = open + 2; i < line.length() - 2; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return null;
            }
        }
        return open + 2 < line.length() - 2 ? line.substring(0, open).strip() : null;
    }

    private static int indent(String line) {
        int i = 0;
        int width = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            width += line.charAt(i) == '\t' ? 8 : 1;
            i++;
        }
        return width;
    }
}
