package org.loredigest.classify.domain.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.LiteralWords;
import org.loredigest.events.MailParsed;
import org.loredigest.mail.DateSource;
import org.loredigest.mail.MailProblem;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.kind.MailKind;
import org.loredigest.mail.patch.FileChange;
import org.loredigest.mail.subject.SubjectParser;

/** Maps kernel-mail's {@link ParsedMail} onto the event contract and onto the compact {@link ThreadMessage}. */
public final class MailMapping {

    /** New postings keep more text than replies: their commit message feeds the summary fields. */
    static final int POSTING_TEXT_LIMIT = 6000;
    static final int REPLY_TEXT_LIMIT = 1500;
    static final int CHANGELOG_LIMIT = 1500;
    static final int CALL_TRACE_LIMIT = 1500;
    static final int FUNCTION_LIMIT = 20;

    static final Pattern HUNK_FUNCTION = Pattern.compile("(?m)^@@ -\\d+(?:,\\d+)? \\+\\d+(?:,\\d+)? @@ ?(.*)$");
    static final Pattern FUNCTION_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    /** mm-commits notices quote the patch as "The patch titled\n     Subject: ...". */
    private static final Pattern NEW_INTERFACE = Pattern.compile(
            "(?m)^\\+\\s*\\.name\\s*=\\s*\"([a-z_.]+)\",|^\\+.*\\b(?:proc_create\\w*|debugfs_create_\\w+|sysfs_create_\\w+|"
                    + "__ATTR\\w*|__setup|early_param)\\s*\\(.*$|^\\+__bpf_kfunc .*$|^\\+#define\\s+(?:MADV|PR|MFD|MAP|AT|SECBIT|LANDLOCK|FAN|IORING|KEYCTL|AUDIT)_\\w+.*$");
    private static final Pattern KERNEL_RELEASE = Pattern.compile("v\\d+\\.\\d+(?:\\.\\d+)?");
    private static final Pattern UPSTREAM_COMMIT = Pattern.compile(
            "(?im)^(?:commit [0-9a-f]{12,40} upstream\\.?|\\[ ?upstream commit [0-9a-f]{12,40} ?\\])\\s*$");
    private static final Pattern SHORTLOG_AUTHOR = Pattern.compile("^\\S.*\\(\\d+\\):$");
    static final int SHORTLOG_LIMIT = 200;
    private static final Pattern NOTICE_SUBJECT = Pattern.compile("(?m)^\\s*Subject: (.+)$");
    /** What opens a kernel splat; the call trace starts at the line of the first one. */
    private static final LiteralWords SPLAT_MARKERS = LiteralWords.of(List.of("------------[ cut here ]", "BUG: ", "WARNING: ",
            "Call Trace:", "KASAN: ", "general protection fault", "Unable to handle", "Oops: "));
    /**
     * Words every match of {@link #NEW_INTERFACE} contains: only the lines holding one are matched. The pattern alone
     * (".*" then a word, at every added line) cost more than the rest of the mapping.
     */
    private static final LiteralWords INTERFACE_HINTS = LiteralWords.of(List.of(".name", "proc_create", "debugfs_create_",
            "sysfs_create_", "__ATTR", "__setup", "early_param", "__bpf_kfunc ", "#define"));

    private MailMapping() {
    }

    /**
     * The parsed-mail event for a received record. The Kafka key stays the incoming key (ingest derives it with
     * {@code MessageKey}); kernel-mail's fallback id for mail without Message-ID is replaced by that key.
     */
    public static MailParsed toMailParsed(String key, String list, String source, String sourcePosition, ParsedMail mail) {
        String messageId = mail.messageIdFallback() ? key : mail.messageId();
        List<String> problems = new ArrayList<>(mail.problems().size());
        for (MailProblem p : mail.problems()) {
            problems.add(p.code() + ": " + p.detail());
        }
        return new MailParsed(key, messageId, mail.messageIdFallback(), list, mail.listIds(), mail.subject(), mail.fromName(),
                mail.fromEmail(), mail.sentByBot(), mail.date(), mail.dateSource() == DateSource.HEADER,
                mail.dateUtcOffsetMinutes(), mail.inReplyTo(), mail.references(), source, sourcePosition, mail.receivedAt(),
                mail.sizeBytes(), problems);
    }

    public static ThreadMessage toThreadMessage(String key, String list, ParsedMail mail) {
        var s = mail.parsedSubject();
        boolean reply = s.reply() || s.forward();
        String messageId = mail.messageIdFallback() ? key : mail.messageId();
        List<ThreadMessage.FileStat> files = new ArrayList<>();
        for (FileChange f : mail.patch().files()) {
            files.add(new ThreadMessage.FileStat(f.path(), f.insertions(), f.deletions()));
        }
        String notice = null;
        if (mail.mmCommits() != null) {
            notice = mail.mmCommits().added() ? "added to " + mail.mmCommits().branch() : mail.mmCommits().action();
        } else if (mail.stable() != null) {
            notice = (mail.stable().failedPatch().isEmpty() ? "stable " : "failed to apply to stable ") + mail.stable().tree()
                    + (mail.stable().upstreamCommit().isEmpty() ? "" : " upstream " + mail.stable().upstreamCommit());
        }
        String newText = mail.newText();
        boolean posting = !reply;
        // kernel-mail's commit message: above the --- line or the diff, below a backport's leading note
        String text = posting ? cut(mail.commitMessage(), POSTING_TEXT_LIMIT) : cut(newText, REPLY_TEXT_LIMIT);
        // "[PATCH v5.10] ... commit <sha> upstream": a stable backport names a kernel release, not a revision
        boolean backport = posting && s.versionExplicit() && KERNEL_RELEASE.matcher(s.versionLabel()).matches()
                && UPSTREAM_COMMIT.matcher(newText).find();
        return new ThreadMessage(key, messageId, mail.threadReferences(), list, mail.listIds(), mail.subject(), s.title(),
                s.normalizedTitle(), reply, s.patchPosting(), s.rfc(), s.resend(), backport ? 1 : s.version(),
                !backport && s.versionExplicit(),
                s.part(), s.total(), s.tags(), mail.fromName(), mail.fromEmail(), mail.date(), receivedAt(mail),
                mail.kind().name(), mail.bot() == null ? null : mail.bot().bot().name(),
                mail.bot() == null ? null : mail.bot().type().name(), notice, text, quotesDiff(mail.quotedText()),
                cut(mail.patch().notes(), CHANGELOG_LIMIT), callTrace(newText), files,
                mail.patch().hasDiff() ? functions(newText) : List.of(), interfaces(mail.patch().hasDiff() ? newText : ""),
                mail.patch().insertions(), mail.patch().deletions(),
                mail.trailers(), mail.pullRequest() != null, aboutTitleKey(mail, newText),
                mail.pullRequest() == null ? List.of() : shortlogTitles(newText),
                Objects.requireNonNullElse(mail.appliedStatement(), ""));
    }

    /** The patch an mm-commits, stable-review or failed-backport mail is about, as a normalised title. */
    static String aboutTitleKey(ParsedMail mail, String text) {
        if (mail.stable() != null && !mail.stable().failedPatch().isEmpty()) {
            return SubjectParser.parse(mail.stable().failedPatch()).normalizedTitle();
        }
        if (mail.kind() == MailKind.STABLE_REVIEW) {
            return mail.parsedSubject().normalizedTitle();
        }
        if (mail.mmCommits() != null) {
            Matcher m = NOTICE_SUBJECT.matcher(text);
            return m.find() ? SubjectParser.parse(m.group(1).strip()).normalizedTitle() : null;
        }
        return null;
    }

    /**
     * The commit titles of a pull request's shortlog ({@code Author (2):} followed by indented titles), normalised
     * like subjects so that they meet the patch threads they came from.
     */
    static List<String> shortlogTitles(String text) {
        List<String> titles = new ArrayList<>();
        boolean inAuthor = false;
        for (String line : text.split("\n")) {
            if (SHORTLOG_AUTHOR.matcher(line).matches()) {
                inAuthor = true;
            } else if (inAuthor && line.startsWith("      ") && !line.isBlank() && titles.size() < SHORTLOG_LIMIT) {
                titles.add(SubjectParser.parse(line.strip()).normalizedTitle());
            } else {
                inAuthor = false;
            }
        }
        return List.copyOf(new LinkedHashSet<>(titles));
    }

    /**
     * User-visible interfaces a diff adds: cgroup control files ({@code .name = "..."} in cftype tables), /proc, sysfs
     * and debugfs files, BPF kfuncs, flags of syscalls and uapi interfaces (madvise, prctl, execveat, Landlock, fanotify,
     * io_uring, keyctl, audit record types), boot parameters.
     */
    static List<String> interfaces(String diffText) {
        Set<String> out = new LinkedHashSet<>();
        for (int lineStart : linesHolding(diffText, INTERFACE_HINTS)) {
            int lineEnd = diffText.indexOf('\n', lineStart);
            Matcher m = NEW_INTERFACE.matcher(diffText.substring(lineStart, lineEnd < 0 ? diffText.length() : lineEnd));
            while (m.find() && out.size() < FUNCTION_LIMIT) {
                out.add(m.group(1) != null ? m.group(1) : m.group().strip().substring(1).strip());
            }
        }
        return List.copyOf(out);
    }

    /** Start offsets of the lines ({@code \n}-separated) that contain one of the words, in text order. */
    private static List<Integer> linesHolding(String text, LiteralWords words) {
        List<Integer> starts = new ArrayList<>();
        for (int at = words.find(text, 0); at >= 0; ) {
            starts.add(text.lastIndexOf('\n', at) + 1);
            int lineEnd = text.indexOf('\n', at); // no word holds a line break: the rest of the line adds nothing
            at = lineEnd < 0 ? -1 : words.find(text, lineEnd + 1);
        }
        return starts;
    }

    static String callTrace(String text) {
        int first = SPLAT_MARKERS.find(text, 0);
        if (first < 0) {
            return "";
        }
        int start = lineStart(text, first);
        int blank = text.indexOf("\n\n\n", start);
        int end = Math.min(text.length(), Math.min(blank < 0 ? Integer.MAX_VALUE : blank, start + CALL_TRACE_LIMIT));
        return text.substring(start, end).strip();
    }

    /** Where the line holding {@code at} starts, for every line terminator a regex's {@code ^} knows. */
    private static int lineStart(String text, int at) {
        int i = at;
        while (i > 0 && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    static List<String> functions(String text) {
        Set<String> names = new LinkedHashSet<>();
        // every hunk header starts with "@@ -": the pattern is tried only there, which finds what find() would
        Matcher m = HUNK_FUNCTION.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = text.indexOf("@@ -"); at >= 0 && names.size() < FUNCTION_LIMIT; at = text.indexOf("@@ -", at + 1)) {
            m.region(at, text.length());
            if (!m.lookingAt()) {
                continue;
            }
            Matcher name = FUNCTION_NAME.matcher(m.group(1));
            if (name.find()) {
                names.add(name.group(1));
            }
            at = m.end() - 1;
        }
        return List.copyOf(names);
    }

    private static boolean quotesDiff(String quoted) {
        return quoted != null && (quoted.contains("\n> @@") || quoted.contains("\n> diff --git") || quoted.contains("\n> +")
                || quoted.contains("\n> -"));
    }

    private static Instant receivedAt(ParsedMail mail) {
        return mail.receivedAt() == null ? mail.date() : mail.receivedAt();
    }

    static String cut(String text, int limit) {
        if (text == null) {
            return "";
        }
        return text.length() <= limit ? text : text.substring(0, limit);
    }
}
