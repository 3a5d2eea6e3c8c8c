package org.loredigest.mail.kind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a reply says that a patch was applied, queued, pulled or merged. Only a statement counts: the verb starts
 * a line of the sender's own text ("Applied to for-6.9.", "Queued for 6.10", "Thanks, applied"), possibly after a
 * courtesy ("Thanks Jane, applied"). A line that merely continues a sentence wrapped from the line above ("...that
 * would need to be\napplied to the stable tree first") is prose, as are testers' reports ("I applied it and ...").
 */
final class AppliedStatements {

    /** How many non-blank lines from the top are looked at: the statement opens the reply or follows a short quote. */
    private static final int LINES = 12;
    private static final Pattern STATEMENT = Pattern.compile(
            "(?i)^\\s*(?:(?:thanks|thank you|thx|ok|okay|great|nice|looks good|lgtm)(?:\\s+[\\w.-]+)?\\s*[,.!:]+\\s*)?"
                    + "(?:(?:i've|i have|i|we've|we have)\\s+)?(?:now\\s+|also\\s+|just\\s+)?"
                    + "(applied|queued(?:\\s+up)?|picked\\s+(?:(?:it|this|them|these|the series|the patch(?:es)?)\\s+)?up"
                    + "|pulled|merged|pushed)\\b(.*)$");
    /** After the verb: a tester or a question, not a maintainer ("applied it and it boots", "applied cleanly"). */
    private static final Pattern NOT_A_STATEMENT = Pattern.compile(
            "(?i)^\\s*(?:(?:this|it|the patch(?:es)?|your patch(?:es)?|the series|these|them)\\s+)?"
                    + "(?:locally|cleanly|on\\b|onto\\b|upon\\b|over\\b|against\\b|and\\b|but\\b|here\\b|with\\b|to my local"
                    + "|fine\\b|ok\\b|without\\b)|.*\\?\\s*$");
    /** A line above that ends a greeting or an attribution is not a sentence the applied line could continue. */
    private static final Pattern OPENER = Pattern.compile("(?i)(?:hi|hello|hey|dear|thanks|thank you|ok|okay)\\b.*|.*\\b(?:wrote|said)");

    private AppliedStatements() {
    }

    /**
     * Reads the whole body rather than the text without quotes, so that a quote block still separates the lines
     * around it: "Applied" right below a quote starts a statement even when the line above the quote has no full
     * stop. Stops at the signature and at an Outlook-style quoted original.
     */
    static boolean in(String body) {
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
                return false;
            }
            if (line.isBlank() || line.charAt(0) == '>') {
                above = "";
                continue;
            }
            checked++;
            if (line.length() < 120 && statement(line, above)) {
                return true;
            }
            above = line.strip();
        }
        return false;
    }

    /** {@code line} states that something was applied; {@code above} is the non-blank line right above it, or empty. */
    static boolean statement(String line, String above) {
        Matcher m = STATEMENT.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String rest = m.group(2);
        if (NOT_A_STATEMENT.matcher(rest).lookingAt()) {
            return false;
        }
        return !continuesSentence(above);
    }

    /** The line above ends without punctuation, so the next line carries on its sentence. */
    private static boolean continuesSentence(String above) {
        return !above.isEmpty() && Character.isLetterOrDigit(above.charAt(above.length() - 1)) && !OPENER.matcher(above).matches();
    }
}
