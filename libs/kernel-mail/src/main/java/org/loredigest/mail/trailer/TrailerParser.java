package org.loredigest.mail.trailer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trailers with b4's rules.
 *
 * <ul>
 *   <li>In a patch or cover letter: the last paragraph of the commit message (above {@code ---} or the diff, and
 *       above the signature; below a backport's leading note, see {@link CommitMessages}) holds the trailers;
 *       wrapped {@code Fixes: sha ("title} and {@code Name\n<email>}
 *       lines are joined first. {@code base-commit:} and {@code change-id:} are read anywhere (b4 puts them below
 *       {@code ---}).</li>
 *   <li>In a reply (follow-up trailers): any unquoted line; person trailers need an e-mail address, other trailers
 *       must be one of Fixes/Link/change-id/base-commit, and values containing URLs are ignored.</li>
 * </ul>
 */
public final class TrailerParser {

    private static final Pattern LINE = Pattern.compile("^\\s*(\\w[\\w-]*[\\w]):\\s+(\\S.*?)\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^(.*\\S)(\\s+#[^#]+)$");
    private static final Pattern PERSON = Pattern.compile("^(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)>");
    private static final Pattern BARE_EMAIL = Pattern.compile("([^\\s<>\"()]+@[^\\s<>\"()]+\\.[^\\s<>\"()]+)");
    private static final Pattern FIXES = Pattern.compile("^([0-9a-fA-F]{6,40})\\b\\s*(.*)$");
    private static final Pattern WRAPPED_FIXES = Pattern.compile("(?m)^(\\S+:\\s+[\\da-f]+\\s+\\([^)\\n]+)\\n([^\\n]+\\))");
    private static final Pattern WRAPPED_PERSON = Pattern.compile("(?m)^(\\S+:\\s+[^<\\n]+)\\n(<[^>\\n]+>)$");
    private static final Pattern HYPHENATED = Pattern.compile("^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$");

    private TrailerParser() {
    }

    /**
     * Trailers written by the author of a patch, cover letter or other new message. Below a backport's leading note
     * the trailers closing the note itself (a misplaced {@code Reported-by:}/{@code Closes:} block) come first.
     */
    public static List<Trailer> fromMessage(String body) {
        String text = cutSignature(body);
        CommitMessages.Span span = CommitMessages.span(text);
        int end = span.end();
        List<Trailer> out = new ArrayList<>();
        if (span.belowNote()) {
            lastParagraph(text.substring(0, text.lastIndexOf("\n---\n", span.start() - 1)), out);
        }
        lastParagraph(text.substring(span.start(), end), out);
        addBelowSeparator(text, end, out);
        return out;
    }

    /** Adds the trailers of the last paragraph of {@code message}. */
    private static void lastParagraph(String message, List<Trailer> out) {
        message = message.stripTrailing();
        if (message.indexOf(':') >= 0 && message.indexOf('\n') >= 0) {
            message = WRAPPED_FIXES.matcher(message).replaceAll("$1 $2");
            message = WRAPPED_PERSON.matcher(message).replaceAll("$1 $2");
        }
        int paragraph = message.lastIndexOf("\n\n");
        String last = paragraph < 0 ? message : message.substring(paragraph + 2);
        Trailer previous = null;
        for (String line : last.split("\n")) {
            Trailer t = parseLine(line, false);
            if (t != null) {
                out.add(t);
                previous = t;
            } else if (previous != null && line.strip().startsWith("[") && line.strip().endsWith("]")) {
                // "[for the foo bits]" annotates the trailer above it
                out.set(out.size() - 1, withComment(previous, line.strip()));
                previous = null;
            } else {
                previous = null;
            }
        }
    }

    /** Trailers given in a reply; {@code newText} must already be free of quoted lines. */
    public static List<Trailer> fromFollowUp(String newText) {
        List<Trailer> out = new ArrayList<>();
        String text = cutSignature(newText);
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            // only this line's first 48 characters: an unbounded search would rescan the text after every line
            int colon = text.indexOf(':', start, Math.min(end, start + 48));
            if (colon > start) {
                Trailer t = parseLine(text.substring(start, end), true);
                if (t != null) {
                    out.add(t);
                }
            }
            start = end + 1;
        }
        return out;
    }

    static Trailer parseLine(String line, boolean followUp) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("phone") || lower.equals("email")) {
            return null;
        }
        TrailerType type = TrailerType.of(name);
        if (type == TrailerType.OTHER && !lower.endsWith("-by") && !HYPHENATED.matcher(name).matches()) {
            return null;
        }
        String value = m.group(2);
        String comment = "";
        Matcher c = COMMENT.matcher(value);
        if (c.matches()) {
            value = c.group(1);
            comment = c.group(2).strip();
        }
        if (followUp) {
            boolean hasEmail = value.indexOf('@') > 0 && BARE_EMAIL.matcher(value).find();
            boolean nonPerson = type == TrailerType.FIXES || type == TrailerType.LINK || type == TrailerType.CHANGE_ID
                    || type == TrailerType.BASE_COMMIT || lower.equals("obsoleted-by");
            if (!hasEmail && !nonPerson) {
                return null;
            }
            if (value.contains("http://") || value.contains("https://")) {
                return null;
            }
            if (type == TrailerType.OTHER && !lower.endsWith("-by")) {
                return null;
            }
        }
        return build(type, name, value, comment, followUp);
    }

    private static Trailer build(TrailerType type, String name, String value, String comment, boolean followUp) {
        String personName = "";
        String personEmail = "";
        String commit = "";
        String commitTitle = "";
        String url = "";
        if (type == TrailerType.FIXES || type == TrailerType.BASE_COMMIT) {
            Matcher f = FIXES.matcher(value);
            if (f.matches()) {
                commit = f.group(1).toLowerCase(Locale.ROOT);
                commitTitle = fixesTitle(f.group(2));
            }
        } else if (type == TrailerType.LINK || type == TrailerType.CLOSES) {
            for (String token : value.split("\\s+")) {
                if (token.startsWith("http://") || token.startsWith("https://")) {
                    url = token;
                    break;
                }
            }
        } else if (type.person() || type == TrailerType.OTHER) {
            Matcher p = PERSON.matcher(value);
            if (p.find()) {
                personName = unquote(p.group(1));
                personEmail = p.group(2).toLowerCase(Locale.ROOT);
                String rest = value.substring(p.end()).strip();
                if (!rest.isEmpty() && comment.isEmpty()) {
                    comment = rest;
                }
            } else {
                Matcher e = BARE_EMAIL.matcher(value);
                if (e.find()) {
                    personEmail = e.group(1).toLowerCase(Locale.ROOT);
                    personName = unquote(value.substring(0, e.start()).strip());
                    String rest = value.substring(e.end()).strip();
                    if (!rest.isEmpty() && comment.isEmpty()) {
                        comment = rest;
                    }
                } else {
                    personName = value;
                }
            }
        }
        return new Trailer(type, name, value, personName, personEmail, commit, commitTitle, url, comment, followUp);
    }

    /** {@code ("mm: fix foo")} gives {@code mm: fix foo}; nested quotes and parentheses in titles survive. */
    private static String fixesTitle(String rest) {
        String r = rest.strip();
        if (r.startsWith("(")) {
            r = r.substring(1);
            int close = r.lastIndexOf(')');
            if (close >= 0) {
                r = r.substring(0, close);
            }
        }
        r = r.strip();
        if (r.length() >= 2 && r.startsWith("\"") && r.endsWith("\"")) {
            r = r.substring(1, r.length() - 1);
        }
        return r;
    }

    private static String unquote(String s) {
        String n = s.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1);
        }
        return n;
    }

    private static Trailer withComment(Trailer t, String comment) {
        return new Trailer(t.type(), t.name(), t.value(), t.personName(), t.personEmail(), t.commit(), t.commitTitle(), t.url(),
                t.comment().isEmpty() ? comment : t.comment() + " " + comment, t.followUp());
    }

    private static void addBelowSeparator(String text, int from, List<Trailer> out) {
        // each name is searched again only once passed: re-searching both on every hit rescans the text per hit
        int b = text.indexOf("base-commit:", from);
        int c = text.indexOf("change-id:", from);
        while (true) {
            int at = b < 0 ? c : c < 0 ? b : Math.min(b, c);
            if (at < 0) {
                return;
            }
            int lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (at == 0 || text.charAt(at - 1) == '\n') {
                Trailer t = parseLine(text.substring(at, lineEnd), false);
                if (t != null) {
                    out.add(t);
                }
            }
            if (b >= 0 && b < lineEnd) {
                b = text.indexOf("base-commit:", lineEnd);
            }
            if (c >= 0 && c < lineEnd) {
                c = text.indexOf("change-id:", lineEnd);
            }
        }
    }

    private static String cutSignature(String body) {
        int sig = body.lastIndexOf("\n-- \n");
        return sig >= 0 ? body.substring(0, sig + 1) : body;
    }
}
