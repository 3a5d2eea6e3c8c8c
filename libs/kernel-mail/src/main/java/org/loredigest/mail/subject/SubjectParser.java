package org.loredigest.mail.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.mail.header.HeaderText;

/**
 * b4's subject rules: reply markers first; nested brackets flattened; every leading {@code [...]} group split
 * into chunks; {@code PATCHv2} read as {@code PATCH v2}; {@code n/m} counters; {@code vN} revisions; the rest
 * are tags (trees, topics).
 */
public final class SubjectParser {

    private static final Pattern REPLY = Pattern.compile(
            "^(?:(?:re|aw|antw|sv|vs|odp|r|ref|rif|res|tr|wg)(?:\\[\\d+\\])?\\s*:|\\w{2,3}:(?=\\s*\\[))\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD = Pattern.compile("^(?:fwd?|fw)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern PATCH_GLUED_VERSION = Pattern.compile("(?i)\\b(patch|rfc|resend)(v\\d+)");
    private static final Pattern COUNTER = Pattern.compile("^(\\d{1,4})/(\\d{1,4})$");
    private static final Pattern VERSION = Pattern.compile("^[vV](\\d{1,4})(?:\\.\\d+)?$");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SubjectParser() {
    }

    public static ParsedSubject parse(String rawSubject) {
        String full = HeaderText.collapseWhitespace(HeaderText.decode(rawSubject == null ? "" : rawSubject));
        boolean reply = false;
        boolean forward = false;
        // Markers are skipped by moving a start index, not by cutting the string: a subject of a million
        // "Re: " would otherwise be copied once per marker.
        int start = 0;
        Matcher f = FORWARD.matcher(full);
        Matcher r = REPLY.matcher(full);
        while (true) {
            if (f.region(start, full.length()).lookingAt()) {
                forward = true;
                start = f.end();
                continue;
            }
            if (r.region(start, full.length()).lookingAt()) {
                reply = true;
                start = r.end();
                continue;
            }
            break;
        }
        String s = flattenNestedBrackets(full.substring(start));
        List<String> prefixes = new ArrayList<>(4);
        List<String> tags = new ArrayList<>(2);
        boolean patch = false;
        boolean rfc = false;
        boolean resend = false;
        boolean gitPull = false;
        int version = 1;
        String versionLabel = null;
        int part = 1;
        int total = 1;
        boolean countersExplicit = false;
        int pos = 0; // start of the next [...] group; an index for the same reason as above
        while (pos < s.length() && s.charAt(pos) == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0) {
                break;
            }
            String bracketed = PATCH_GLUED_VERSION.matcher(s.substring(pos + 1, close).strip()).replaceAll("$1 $2");
            String upperGroup = bracketed.toUpperCase(Locale.ROOT);
            if (upperGroup.equals("GIT PULL") || upperGroup.equals("GIT") || upperGroup.equals("PULL")
                    || upperGroup.startsWith("GIT PULL ")) {
                gitPull = true;
            }
            for (String rawChunk : bracketed.split("\\s+")) {
                String chunk = strip(rawChunk, ",;");
                if (chunk.isEmpty()) {
                    continue;
                }
                prefixes.add(chunk);
                String lower = chunk.toLowerCase(Locale.ROOT);
                Matcher counter = COUNTER.matcher(chunk);
                Matcher ver = VERSION.matcher(chunk);
                if (counter.matches()) {
                    part = Integer.parseInt(counter.group(1));
                    total = Integer.parseInt(counter.group(2));
                    countersExplicit = true;
                } else if (ver.matches()) {
                    version = Integer.parseInt(ver.group(1));
                    versionLabel = chunk.toLowerCase(Locale.ROOT);
                } else if (lower.startsWith("rfc")) {
                    rfc = true;
                } else if (lower.startsWith("resend")) {
                    resend = true;
                } else if (lower.startsWith("patch")) {
                    patch = true;
                } else if (!gitPull || !(lower.equals("git") || lower.equals("pull"))) {
                    tags.add(chunk);
                }
            }
            pos = close + 1;
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
        String title = s.substring(pos).strip();
        if (title.regionMatches(true, 0, "Subject:", 0, 8)) {
            // a cover letter template filled in with its own "Subject:" line (seen in real series)
            title = title.substring(8).strip();
        }
        return new ParsedSubject(full, title, normalizeTitle(title), reply, forward, List.copyOf(prefixes), List.copyOf(tags),
                patch, rfc, resend, gitPull, version, versionLabel, versionLabel != null, part, total, countersExplicit);
    }

    /** Lower-case words joined by single spaces: "mm: Fix foo()" and "mm: fix foo" match. */
    public static String normalizeTitle(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(lower).replaceAll(" ").strip();
    }

    /** {@code [PATCH [v2] 1/3]} and {@code [PATCH v2] [1/3]]} style nesting becomes one flat group. */
    private static String flattenNestedBrackets(String s) {
        if (!s.startsWith("[")) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        int i = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
                if (depth > 1) {
                    continue;
                }
            } else if (c == ']') {
                if (depth == 0) {
                    continue;
                }
                depth--;
                if (depth > 0) {
                    continue;
                }
            } else if (depth == 0 && c != ' ' && c != '\t') {
                break;
            }
            sb.append(c);
        }
        sb.append(s, i, s.length());
        return sb.toString();
    }

    private static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
