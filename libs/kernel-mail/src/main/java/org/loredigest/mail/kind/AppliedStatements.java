package org.loredigest.mail.kind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a reply says that a patch was applied, queued, pulled or merged, and which line says so. Only a statement
 * counts, at the start of a line of the sender's own text: the sender did it ("Applied to for-6.9.", "Queued for
 * 6.10", "Thanks, applied", "I've just merged this into lsm/dev", "Added to mm-unstable"), it was done ("The patch
 * is queued in mm-unstable", "It is applied to my master branch now:"), or the sender is doing it ("I'm going to go
 * ahead and merge it into lsm/dev"). A line that merely continues a sentence wrapped from the line above ("...that
 * would need to be\napplied to the stable tree first") is prose, as are testers' reports ("I applied it and ..."),
 * an author's report on review ("I applied the suggested changes") and questions.
 *
 * <p>This is the one rule: {@link KindClassifier} makes such a reply an {@link MailKind#APPLIED_NOTICE} and
 * classify-service reads the statement as fix-status evidence (who said it is its own concern).
 */
public final class AppliedStatements {

    /** How many non-blank lines from the top are looked at: the statement opens the reply or follows a short quote. */
    private static final int LINES = 12;
    private static final int MAX_LINE = 120;
    private static final String COURTESY =
            "(?:(?:thanks|thank you|thx|ok|okay|great|nice|looks good|lgtm)(?:\\s+[\\w.-]+)?\\s*[,.!:]+\\s*)?";
    private static final String OBJECT = "(?:it|this|them|these|the series|the patch(?:es)?)";
    /** Trees a patch is added to: mm-unstable, akpm's, a maintainer's own, for-next, -next and -fixes branches. */
    private static final String TREE = "(?:mm-|the\\s+-?mm\\b|my\\s|akpm|for-|\\S*-next|\\S*-fixes)";
    /** The sender did it. Group 1: the verb, group 2: what follows. */
    private static final Pattern DONE = Pattern.compile("(?i)^\\s*" + COURTESY
            + "(?:(?:i've|i have|i|we've|we have)\\s+)?(?:now\\s+|also\\s+|just\\s+)?"
            + "(applied|queued(?:\\s+up)?|picked\\s+(?:" + OBJECT + "\\s+)?up|pulled|merged|pushed"
            + "|added\\s+(?:" + OBJECT + "\\s+)?(?:to|into)(?=\\s+" + TREE + "))\\b(.*)$");
    /** It was done: a passive statement that ends there or names where it went. */
    private static final Pattern WAS_DONE = Pattern.compile("(?i)^\\s*" + COURTESY
            + "(?:now\\s+|also\\s+)?(?:(?:the|all|both)\\s+)?(?:patch(?:es)?|series|it|this|these|them)\\s+"
            + "(?:are|is|were|was|has been|have been)\\s+(?:now\\s+)?(applied|queued|pulled|pushed|merged)"
            + "((?:\\s+(?:to|into|in)\\b.*|\\s*[.!,].*|\\s*))$");
    /** The sender does it now, in a sentence that may wrap: "I'm going to go ahead\nand merge it into lsm/dev". */
    private static final Pattern GO_AHEAD = Pattern.compile(
            "(?i)\\bgo ahead\\s+and\\s+(?:merge|apply|queue|take|pick up)\\s+(?:" + OBJECT + ")\\s+"
                    + "(?:up\\s+)?(?:into|to|in|via)\\s+\\S+");
    /** Someone else is asked to do it: "please go ahead and take it via your tree". */
    private static final Pattern ASKED = Pattern.compile("(?i)\\b(?:you|please|feel free)\\b");
    /** After the verb: a tester, an author answering review or a question, not a maintainer. */
    private static final Pattern NOT_A_STATEMENT = Pattern.compile(
            "(?i)^\\s*(?:(?:this|it|the patch(?:es)?|your patch(?:es)?|the series|these|them)\\s+)?"
                    + "(?:locally|cleanly|on\\b|onto\\b|upon\\b|over\\b|against\\b|and\\b|but\\b|here\\b|with\\b|to my local"
                    + "|fine\\b|ok\\b|without\\b|(?:the\\s+|your\\s+|all\\s+|these\\s+)?(?:suggest\\w*|feedback|comments?\\b"
                    + "|changes\\b|review))|.*\\binto my (?:testing|test)\\b|.*\\?\\s*$");
    /** A line above that ends a greeting or an attribution is not a sentence the applied line could continue. */
    private static final Pattern OPENER = Pattern.compile("(?i)(?:hi|hello|hey|dear|thanks|thank you|ok|okay)\\b.*|.*\\b(?:wrote|said)");

    private AppliedStatements() {
    }

    /** Whether {@code body} states that the patch was applied; see {@link #find}. */
    public static boolean in(String body) {
        return find(body) != null;
    }

    /**
     * The line of {@code body} (the whole text, quotes included) that states the patch was applied, stripped; two
     * lines joined by a space when the statement wraps; {@code null} when there is none.
     *
     * <p>Reads the whole body rather than the text without quotes, so that a quote block still separates the lines
     * around it: "Applied" right below a quote starts a statement even when the line above the quote has no full
     * stop. Stops at the signature and at an Outlook-style quoted original.
     */
    public static String find(String body) {
        int checked = 0;
        int start = 0;
        int n = body.length();
        String above = "";
        while (start < n && checked < LINES) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = body.substring(start, end);
            start = end + 1;
            if (line.equals("-- ") || line.startsWith("-----Original Message-----")) {
                return null;
            }
            if (line.isBlank() || line.charAt(0) == '>') {
                above = "";
                continue;
            }
            checked++;
            if (line.length() < MAX_LINE && statement(line, above)) {
                return line.strip();
            }
            String goAhead = goAhead(above, line.strip());
            if (goAhead != null) {
                return goAhead;
            }
            above = line.strip();
        }
        return null;
    }

    /** {@code line} states that something was applied; {@code above} is the non-blank line right above it, or empty. */
    static boolean statement(String line, String above) {
        Matcher m = DONE.matcher(line);
        if (!m.matches()) {
            m = WAS_DONE.matcher(line);
            if (!m.matches()) {
                return false;
            }
        }
        if (NOT_A_STATEMENT.matcher(m.group(2)).lookingAt()) {
            return false;
        }
        return !continuesSentence(above);
    }

    /** "go ahead and merge it into X" in {@code line} or wrapped from {@code above}: the lines that say it, else null. */
    private static String goAhead(String above, String line) {
        if (!mentionsGoAhead(line) && !mentionsGoAhead(above) && !line.regionMatches(true, 0, "ahead", 0, 5)) {
            return null; // neither line says it, nor do they wrapped together: the pattern is costly on every line
        }
        for (String text : above.isEmpty() ? new String[] {line} : new String[] {line, above + " " + line}) {
            Matcher m = GO_AHEAD.matcher(text);
            if (m.find() && !ASKED.matcher(text.substring(0, m.start())).find()) {
                return text;
            }
        }
        return null;
    }

    /** Whether {@code text} holds "go ahead" in any case, as {@link #GO_AHEAD} starts. */
    private static boolean mentionsGoAhead(String text) {
        for (char g : new char[] {'g', 'G'}) {
            for (int i = text.indexOf(g); i >= 0; i = text.indexOf(g, i + 1)) {
                if (text.regionMatches(true, i, "go ahead", 0, 8)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The line above ends without punctuation, so the next line carries on its sentence. */
    private static boolean continuesSentence(String above) {
        return !above.isEmpty() && Character.isLetterOrDigit(above.charAt(above.length() - 1)) && !OPENER.matcher(above).matches();
    }
}
