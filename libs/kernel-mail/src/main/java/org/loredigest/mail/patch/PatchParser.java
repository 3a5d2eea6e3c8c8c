package org.loredigest.mail.patch;

import java.util.ArrayList;
import java.util.List;
import org.loredigest.mail.trailer.CommitMessages;

/**
 * Finds the diff in a message body and summarises it: touched files, insertions and deletions (counted from
 * hunk lines, bounded by the hunk header's line counts so that a trailing signature is never miscounted),
 * binary changes, and the patch-id. Only unquoted lines count: a reply quoting a patch carries no diff.
 */
public final class PatchParser {

    private PatchParser() {
    }

    public static PatchInfo parse(String body) {
        if (!mayContainDiff(body)) {
            return PatchInfo.NONE;
        }
        String[] lines = body.split("\n", -1);
        int first = firstDiffLine(lines);
        if (first < 0) {
            return PatchInfo.NONE;
        }
        Parse p = new Parse(lines);
        p.run(first);
        if (p.files.isEmpty()) {
            return PatchInfo.NONE;
        }
        int insertions = 0;
        int deletions = 0;
        boolean binary = false;
        List<FileChange> files = new ArrayList<>(p.files.size());
        for (FileBuilder f : p.files) {
            FileChange c = f.build();
            files.add(c);
            insertions += c.insertions();
            deletions += c.deletions();
            binary |= c.binary();
        }
        String patchId = PatchId.of(body);
        return new PatchInfo(p.sawGitHeader ? DiffFormat.GIT : DiffFormat.UNIFIED, List.copyOf(files), insertions, deletions,
                binary, patchId, notes(lines, first, CommitMessages.span(body).belowNote() ? 2 : 1));
    }

    /** Cheap pre-check so that the many messages without a diff are not split into lines. */
    private static boolean mayContainDiff(String body) {
        return body.contains("diff --git ") || body.contains("\n+++ ") || body.contains("GIT binary patch");
    }

    private static int firstDiffLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("diff --git ") || l.startsWith("GIT binary patch")) {
                return i;
            }
            if (l.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")
                    && i + 2 < lines.length && lines[i + 2].startsWith("@@ ")) {
                int start = i;
                // include "diff -u a b" / "Index:" headers written just above
                while (start > 0 && (lines[start - 1].startsWith("diff ") || lines[start - 1].startsWith("Index: ")
                        || lines[start - 1].startsWith("====") || lines[start - 1].startsWith("index "))) {
                    start--;
                }
                return start;
            }
        }
        return -1;
    }

    /**
     * The part between a {@code ---} line and the diff, minus the diffstat: per-version changelogs live here. Below a
     * backport's leading note the commit message ends at the second {@code ---} line ({@code nth} = 2), not the first.
     */
    private static String notes(String[] lines, int firstDiff, int nth) {
        int separator = -1;
        int seen = 0;
        for (int i = 0; i < firstDiff; i++) {
            if (lines[i].equals("---") && ++seen == nth) {
                separator = i;
                break;
            }
        }
        if (separator < 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = separator + 1; i < firstDiff; i++) {
            String l = lines[i];
            if (isDiffstatLine(l)) {
                continue;
            }
            sb.append(l).append('\n');
        }
        return sb.toString().strip();
    }

    static boolean isDiffstatLine(String l) {
        if (l.startsWith(" ") && l.indexOf('|') > 0) {
            String after = l.substring(l.indexOf('|') + 1).strip();
            return after.isEmpty() || Character.isDigit(after.charAt(0)) || after.startsWith("Bin");
        }
        String s = l.strip();
        return (s.contains("file changed") || s.contains("files changed")) && Character.isDigit(s.isEmpty() ? 'x' : s.charAt(0))
                || s.startsWith("create mode ") || s.startsWith("delete mode ") || s.startsWith("rename ")
                || s.startsWith("mode change ");
    }

    /** Mutable per-file state while reading the diff. */
    private static final class FileBuilder {
        String oldPath;
        String newPath;
        ChangeType type = ChangeType.MODIFIED;
        int insertions;
        int deletions;
        boolean binary;
        boolean modeChange;

        FileChange build() {
            String path = newPath != null ? newPath : oldPath;
            String old = oldPath != null ? oldPath : newPath;
            ChangeType t = type;
            if (t == ChangeType.MODIFIED) {
                if (oldPath == null && newPath != null && addedByDevNull) {
                    t = ChangeType.ADDED;
                } else if (newPath == null && oldPath != null) {
                    t = ChangeType.DELETED;
                } else if (modeChange && insertions == 0 && deletions == 0 && !binary) {
                    t = ChangeType.MODE_CHANGED;
                }
            }
            return new FileChange(path == null ? "" : path, old == null ? "" : old, t, insertions, deletions, binary);
        }

        boolean addedByDevNull;
    }

    private static final class Parse {
        final String[] lines;
        final List<FileBuilder> files = new ArrayList<>();
        boolean sawGitHeader;

        Parse(String[] lines) {
            this.lines = lines;
        }

        void run(int from) {
            FileBuilder current = null;
            int i = from;
            while (i < lines.length) {
                String l = lines[i];
                if (l.startsWith("diff --git ")) {
                    sawGitHeader = true;
                    current = new FileBuilder();
                    files.add(current);
                    splitGitPaths(l.substring(11), current);
                    i++;
                    continue;
                }
                if (l.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
                    if (current == null || current.insertions + current.deletions > 0 || !sawGitHeaderFor(current)) {
                        current = new FileBuilder();
                        files.add(current);
                    }
                    String oldP = path(l.substring(4));
                    String newP = path(lines[i + 1].substring(4));
                    current.oldPath = oldP;
                    current.newPath = newP;
                    current.addedByDevNull = oldP == null;
                    i = hunks(i + 2, current);
                    continue;
                }
                if (current != null && sawGitHeaderFor(current)) {
                    if (l.startsWith("new file mode")) {
                        current.type = ChangeType.ADDED;
                        current.oldPath = null;
                        current.addedByDevNull = true;
                    } else if (l.startsWith("deleted file mode")) {
                        current.type = ChangeType.DELETED;
                        current.newPath = null;
                    } else if (l.startsWith("rename from ")) {
                        current.type = ChangeType.RENAMED;
                        current.oldPath = l.substring(12);
                    } else if (l.startsWith("rename to ")) {
                        current.type = ChangeType.RENAMED;
                        current.newPath = l.substring(10);
                    } else if (l.startsWith("copy from ")) {
                        current.type = ChangeType.COPIED;
                        current.oldPath = l.substring(10);
                    } else if (l.startsWith("copy to ")) {
                        current.type = ChangeType.COPIED;
                        current.newPath = l.substring(8);
                    } else if (l.startsWith("old mode") || l.startsWith("new mode")) {
                        current.modeChange = true;
                    } else if (l.startsWith("GIT binary patch") || l.startsWith("Binary files ")) {
                        current.binary = true;
                        if (l.startsWith("GIT binary patch")) {
                            i = skipBinary(i + 1);
                            continue;
                        }
                    } else if (!l.startsWith("index ") && !l.startsWith("similarity index") && !l.startsWith("dissimilarity index")) {
                        // end of this file's header: anything else ends the diff unless another diff follows later
                        current = null;
                    }
                }
                i++;
            }
        }

        private boolean sawGitHeaderFor(FileBuilder f) {
            return sawGitHeader && f != null;
        }

        /** Reads hunks after a +++ line; returns the index of the first line after them. */
        private int hunks(int i, FileBuilder f) {
            while (i < lines.length && lines[i].startsWith("@@ -")) {
                int[] counts = hunkCounts(lines[i]);
                int before = counts[0];
                int after = counts[1];
                i++;
                while (i < lines.length && (before > 0 || after > 0)) {
                    String l = lines[i];
                    char c = l.isEmpty() ? ' ' : l.charAt(0);
                    if (c == '+') {
                        f.insertions++;
                        after--;
                    } else if (c == '-') {
                        f.deletions++;
                        before--;
                    } else if (c == ' ') {
                        before--;
                        after--;
                    } else if (c != '\\') {
                        break; // damaged hunk: stop counting rather than swallow text
                    }
                    i++;
                }
                if (i < lines.length && lines[i].startsWith("\\ ")) {
                    i++;
                }
            }
            return i;
        }

        private int skipBinary(int i) {
            // "literal N"/"delta N" blocks of base85 lines, each block ended by a blank line
            while (i < lines.length && (lines[i].startsWith("literal ") || lines[i].startsWith("delta "))) {
                i++;
                while (i < lines.length && !lines[i].isEmpty()) {
                    i++;
                }
                i++;
            }
            return i;
        }

        private static int[] hunkCounts(String header) {
            // @@ -a[,b] +c[,d] @@
            int[] result = {1, 1};
            int minus = header.indexOf('-');
            int plus = header.indexOf(" +", minus);
            if (minus < 0 || plus < 0) {
                return new int[] {0, 0};
            }
            result[0] = countAfterComma(header, minus + 1, plus);
            int end = header.indexOf(' ', plus + 2);
            result[1] = countAfterComma(header, plus + 2, end < 0 ? header.length() : end);
            return result;
        }

        private static int countAfterComma(String s, int from, int to) {
            int comma = s.indexOf(',', from);
            if (comma < 0 || comma >= to) {
                return 1;
            }
            try {
                return Integer.parseInt(s, comma + 1, to, 10);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** "a/foo b/foo": the names are equal for anything but renames, whose real names come later. */
        private static void splitGitPaths(String rest, FileBuilder f) {
            String r = rest.strip();
            int mid = r.indexOf(" b/");
            if (r.startsWith("a/") && mid > 0) {
                f.oldPath = r.substring(2, mid);
                f.newPath = r.substring(mid + 3);
            } else {
                String[] parts = r.split(" ", 2);
                f.oldPath = path(parts[0]);
                f.newPath = parts.length > 1 ? path(parts[1]) : f.oldPath;
            }
        }

        /** Strips the first path component (a/, b/, or any -p1 prefix) and a trailing timestamp; null for /dev/null. */
        private static String path(String spec) {
            String s = spec;
            int tab = s.indexOf('\t');
            if (tab >= 0) {
                s = s.substring(0, tab);
            }
            s = s.strip();
            if (s.equals("/dev/null")) {
                return null;
            }
            if (s.startsWith("\"") && s.endsWith("\"") && s.length() > 1) {
                s = s.substring(1, s.length() - 1);
            }
            int slash = s.indexOf('/');
            return slash >= 0 ? s.substring(slash + 1) : s;
        }
    }
}
