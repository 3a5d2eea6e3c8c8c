package org.loredigest.mail.patch;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises {@code git request-pull} output in a message body, with the commits its shortlog lists. */
public final class PullRequests {

    private static final Pattern AVAILABLE = Pattern.compile(
            "(?im)^\\s*are available in the git repository at:?\\s*\\n(?:\\s*\\n)*\\s*(\\S+)(?:[ \\t]+(\\S+))?[ \\t]*$");
    private static final Pattern SINCE = Pattern.compile("(?im)^\\s*The following changes since commit ([0-9a-f]{7,40})");
    private static final Pattern UP_TO = Pattern.compile("(?im)^\\s*for you to fetch changes up to ([0-9a-f]{7,40})");

    private PullRequests() {
    }

    /** The pull request in {@code body}, or {@code null}. */
    public static PullRequest find(String body) {
        if (!body.contains("repository at") || indexOfIgnoreCase(body, "available in the git repository at") < 0) {
            return null;
        }
        Matcher m = AVAILABLE.matcher(body);
        if (!m.find()) {
            return null;
        }
        String repo = m.group(1);
        String ref = m.group(2) == null ? "" : m.group(2);
        // a URL wrapped by the mail client continues on the next line
        if (repo.endsWith("/") && ref.isEmpty()) {
            int lineEnd = body.indexOf('\n', m.end());
            if (lineEnd > 0) {
                int nextEnd = body.indexOf('\n', lineEnd + 1);
                String next = body.substring(lineEnd + 1, nextEnd < 0 ? body.length() : nextEnd).strip();
                String[] parts = next.split("\\s+");
                if (parts.length > 0 && !parts[0].isEmpty()) {
                    repo = repo + parts[0];
                    ref = parts.length > 1 ? parts[1] : "";
                }
            }
        }
        Matcher since = SINCE.matcher(body);
        Matcher upTo = UP_TO.matcher(body);
        // the shortlog follows the "up to" line; without one, look right below the repository line
        boolean hasUpTo = upTo.find();
        List<PullCommit> commits = Shortlogs.read(body, hasUpTo ? upTo.end() : m.end());
        return new PullRequest(repo, ref, since.find() ? since.group(1) : null, hasUpTo ? upTo.group(1) : null, commits);
    }

    private static int indexOfIgnoreCase(String s, String needle) {
        int n = needle.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }
}
