package org.loredigest.mail.body;

/**
 * Separates new text from quoted text and the signature. Quoted lines start with {@code >}; a line ending in
 * "wrote:" (possibly wrapped over two lines) directly before a quote is its attribution; everything after an
 * Outlook "-----Original Message-----" line is quoted; the signature starts at the last {@code "-- "} line.
 *
 * <p>Works on line offsets rather than split strings: this runs for every message.
 */
public final class BodySplitter {

    private BodySplitter() {
    }

    public static BodyParts split(String text) {
        int n = lineCount(text);
        int[] starts = new int[n];
        int[] ends = new int[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            starts[i] = pos;
            ends[i] = end;
            pos = end + 1;
        }
        int signatureStart = n;
        for (int i = n - 1; i >= 0; i--) {
            int len = ends[i] - starts[i];
            if (len == 3 && text.startsWith("-- ", starts[i]) || len == 2 && text.startsWith("--", starts[i]) && i >= n - 12) {
                signatureStart = i;
                break;
            }
        }
        boolean[] quoted = new boolean[n];
        boolean anyQuote = false;
        for (int i = 0; i < n; i++) {
            if (ends[i] > starts[i] && text.charAt(starts[i]) == '>') {
                quoted[i] = true;
                anyQuote = true;
            } else if (i < signatureStart && text.startsWith("-----Original Message-----", starts[i])) {
                for (int j = i; j < n; j++) {
                    quoted[j] = true;
                }
                anyQuote = true;
                break;
            }
        }
        if (anyQuote) {
            markAttributions(text, starts, ends, quoted);
        }
        StringBuilder fresh = new StringBuilder(text.length());
        StringBuilder quotes = anyQuote ? new StringBuilder(text.length() / 2) : null;
        int quoteBlocks = 0;
        int answered = 0;
        boolean inQuote = false;
        boolean pendingAnswer = false;
        boolean quotesPatch = false;
        int blankRun = 0;
        for (int i = 0; i < n; i++) {
            if (quoted[i]) {
                if (!inQuote) {
                    quoteBlocks++;
                    inQuote = true;
                    pendingAnswer = true;
                }
                quotes.append(text, starts[i], ends[i]).append('\n');
                if (!quotesPatch && looksLikeQuotedDiff(text, starts[i], ends[i])) {
                    quotesPatch = true;
                }
                continue;
            }
            if (i >= signatureStart) {
                continue;
            }
            if (isBlank(text, starts[i], ends[i])) {
                blankRun++;
                continue;
            }
            inQuote = false;
            if (pendingAnswer) {
                answered++;
                pendingAnswer = false;
            }
            // blank runs left where quotes were cut out become one blank line
            if (!fresh.isEmpty()) {
                fresh.append(blankRun > 0 ? "\n\n" : "\n");
            }
            blankRun = 0;
            fresh.append(text, starts[i], ends[i]);
        }
        String signature = "";
        if (signatureStart < n - 1) {
            signature = text.substring(starts[signatureStart + 1]).strip();
        }
        return new BodyParts(fresh.toString(), quotes == null ? "" : quotes.toString(), signature, quoteBlocks, answered, quotesPatch);
    }

    private static void markAttributions(String text, int[] starts, int[] ends, boolean[] quoted) {
        for (int i = 1; i < quoted.length; i++) {
            if (!quoted[i] || quoted[i - 1]) {
                continue;
            }
            int j = i - 1;
            while (j >= 0 && !quoted[j] && isBlank(text, starts[j], ends[j])) {
                j--;
            }
            if (j < 0 || quoted[j]) {
                continue;
            }
            String l = text.substring(starts[j], ends[j]).stripTrailing();
            if (l.endsWith("wrote:") || l.endsWith("writes:") || l.endsWith("a écrit :") || l.endsWith("schrieb:")) {
                quoted[j] = true;
                if (j > 0 && !quoted[j - 1] && text.startsWith("On ", starts[j - 1]) && l.length() < 40) {
                    quoted[j - 1] = true;
                }
            }
        }
    }

    private static boolean looksLikeQuotedDiff(String text, int start, int end) {
        int i = start;
        while (i < end && i < start + 4 && (text.charAt(i) == '>' || text.charAt(i) == ' ')) {
            i++;
        }
        return text.startsWith("diff --git", i) || text.startsWith("@@ -", i) || text.startsWith("+++ ", i);
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int lineCount(String text) {
        int n = 1;
        int pos = 0;
        while ((pos = text.indexOf('\n', pos)) >= 0) {
            n++;
            pos++;
        }
        return n;
    }
}
