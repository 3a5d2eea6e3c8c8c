package org.loredigest.classify.domain.summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/**
 * Digest fields copied from the mail: paragraphs of the cover letter, commit messages and bug report picked by cue
 * words, the call trace, Fixes:/Cc: stable trailers, test results and the first review objection. Deterministic; no
 * field is filled without a message to point at.
 */
public final class ExtractiveSummariser implements Summariser {

    public static final String NAME = "extractive-v1";

    private static final Pattern PROBLEM = Pattern.compile(
            "\\b(?:problem|issue|bug|crash|panic|oops|warn|warning|fails?|failure|broken|breaks|wrong|incorrect|"
                    + "deadlock|hang|leak|race|regression|cause[sd]?|results? in|leads? to|however|unfortunately|"
                    + "can't|cannot|doesn't|does not|isn't|missing|stale|overflow|use-after-free|splat|triggered)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOLUTION = Pattern.compile(
            "\\b(?:this patch|this series|this patchset|this commit|this change|the patch|this fix|fix (?:it|this|that|the)|"
                    + "to fix|to address|to avoid|to solve|instead|so let's|let's|we (?:can|should|now)|introduces?|"
                    + "adds?|make (?:it|the|sure)|now \\w+s|change \\w+ to|switch(?:es)? to|convert|remove|use )\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIGGER = Pattern.compile(
            "\\b(?:reproduc\\w*|trigger\\w*|steps|when running|can be hit|is hit|happens when|occurs when|"
                    + "syz repro|c reproducer|test case|workload|stress)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERFORMANCE = Pattern.compile(
            "(?:\\d+(?:\\.\\d+)?\\s?%|\\d+(?:\\.\\d+)?\\s?(?:ms|us|ns|µs|sec|s\\b|x\\b))[^.]*|"
                    + "\\b(?:throughput|latency|faster|slower|speed ?up|overhead|performance|regression of|improvement of)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPATIBILITY = Pattern.compile(
            "\\b(?:user[- ]?space|user-visible|abi|uapi|interface|sysfs|procfs|cgroupfs|memory\\.[a-z_.]+|cpuset\\.[a-z_.]+|"
                    + "backward(?:s)? compat\\w*|compatib\\w*|behaviou?r change|no functional change|boot (?:param|option)|"
                    + "sysctl|knob|documentation/admin-guide)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OBJECTION = Pattern.compile(
            "\\b(?:nak|nack|i don't think|i do not think|not sure|concern\\w*|problem|wrong|breaks?|regress\\w*|"
                    + "doesn't work|does not work|why not|instead|but |however|disagree|racy|unsafe|overkill|"
                    + "what about|this would|this will)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEST_RESULT = Pattern.compile(
            "\\b(?:tested|test results?|reproducer did not trigger|passed|no regressions?|benchmark\\w*|results?:)\\b",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Summary summarise(ThreadView thread, Classification labels) {
        ThreadMessage lead = lead(thread);
        List<String> paragraphs = Paragraphs.of(lead.text());
        String source = source(lead);

        SummaryField headline = paragraphs.isEmpty() ? SummaryField.of(lead.title(), lead.messageId(), "subject")
                : SummaryField.of(Paragraphs.firstSentence(paragraphs.get(0)), lead.messageId(), source);
        int problemAt = indexOf(paragraphs, PROBLEM, 0);
        SummaryField problem = at(paragraphs, problemAt, lead, source);
        SummaryField background = problemAt > 0 ? at(paragraphs, 0, lead, source) : SummaryField.none();
        int solutionAt = indexOf(paragraphs, SOLUTION, Math.max(problemAt + 1, 0));
        if (solutionAt < 0 && lead.seriesMember() && paragraphs.size() >= 2 && problemAt != paragraphs.size() - 1) {
            solutionAt = paragraphs.size() - 1; // commit messages end with what the change does
        }
        SummaryField solution = at(paragraphs, solutionAt, lead, source);
        return new Summary(NAME, headline, problem, background, trigger(thread, paragraphs, lead, source), solution,
                implementation(thread), caveats(thread, lead), components(thread, labels), search(thread, PERFORMANCE, "performance claim"),
                search(thread, COMPATIBILITY, "interface mention"), urgency(thread, labels), keyPoints(thread));
    }

    /** The message the topic is described in: the cover letter, else the first patch, else the first message. */
    static ThreadMessage lead(ThreadView thread) {
        for (ThreadMessage m : thread.messages()) {
            if (m.coverLetter()) {
                return m;
            }
        }
        for (ThreadMessage m : thread.messages()) {
            if (m.seriesMember() || "PULL_REQUEST".equals(m.kind())) {
                return m;
            }
        }
        return thread.first();
    }

    private static String source(ThreadMessage m) {
        if (m.coverLetter()) {
            return "cover letter";
        }
        if (m.seriesMember()) {
            return "commit message";
        }
        if (m.fromBot()) {
            return "bot report";
        }
        return m.reply() ? "reply" : "report";
    }

    private static int indexOf(List<String> paragraphs, Pattern cue, int from) {
        for (int i = Math.max(0, from); i < paragraphs.size(); i++) {
            if (cue.matcher(paragraphs.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    private static SummaryField at(List<String> paragraphs, int index, ThreadMessage m, String source) {
        return index < 0 || index >= paragraphs.size() ? SummaryField.none()
                : SummaryField.of(Paragraphs.clip(paragraphs.get(index)), m.messageId(), source);
    }

    private static SummaryField trigger(ThreadView thread, List<String> paragraphs, ThreadMessage lead, String source) {
        for (ThreadMessage m : thread.messages()) {
            if (!m.callTrace().isEmpty() && !m.reply()) {
                return SummaryField.of(Paragraphs.clip(m.callTrace()), m.messageId(), "call trace");
            }
        }
        int at = indexOf(paragraphs, TRIGGER, 0);
        if (at >= 0) {
            return SummaryField.of(Paragraphs.clip(paragraphs.get(at)), lead.messageId(), source);
        }
        for (ThreadMessage m : thread.messages()) {
            if (!m.callTrace().isEmpty()) {
                return SummaryField.of(Paragraphs.clip(m.callTrace()), m.messageId(), "call trace");
            }
        }
        return SummaryField.none();
    }

    private static SummaryField implementation(ThreadView thread) {
        List<ThreadMessage> diffs = thread.messages().stream().filter(m -> m.hasDiff() && !m.fromBot()).toList();
        if (diffs.isEmpty()) {
            return SummaryField.none();
        }
        int files = 0;
        int plus = 0;
        int minus = 0;
        Set<String> paths = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        for (ThreadMessage m : diffs) {
            files += m.files().size();
            plus += m.insertions();
            minus += m.deletions();
            m.files().forEach(f -> paths.add(f.path()));
            functions.addAll(m.functions());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(diffs.size()).append(diffs.size() == 1 ? " patch, " : " patches, ").append(files)
                .append(files == 1 ? " file changed, " : " files changed, ").append(plus).append(" insertions(+), ")
                .append(minus).append(" deletions(-): ").append(String.join(", ", paths.stream().limit(8).toList()));
        if (paths.size() > 8) {
            sb.append(", …");
        }
        if (!functions.isEmpty()) {
            sb.append("; functions: ").append(String.join(", ", functions.stream().limit(10).map(f -> f + "()").toList()));
        }
        return SummaryField.of(sb.toString(), diffs.get(0).messageId(), "diffstat");
    }

    private static SummaryField caveats(ThreadView thread, ThreadMessage lead) {
        for (ThreadMessage m : thread.messages()) {
            if (!m.reply() || m.fromBot() || m.fromEmail().equals(lead.fromEmail())) {
                continue;
            }
            if (m.trailers().stream().anyMatch(t -> t.type() == TrailerType.NACKED_BY)) {
                return SummaryField.of("Nacked-by " + m.fromName(), m.messageId(), "review");
            }
            for (String p : Paragraphs.of(m.text())) {
                if (OBJECTION.matcher(p).find() && p.length() > 40) {
                    return SummaryField.of(Paragraphs.clip(p), m.messageId(), "review");
                }
            }
        }
        return SummaryField.none();
    }

    private static SummaryField components(ThreadView thread, Classification labels) {
        var subsystems = labels.subsystems();
        boolean fromFiles = subsystems.signals().stream().anyMatch(s -> s.contains("touched files"));
        if (subsystems.values().isEmpty() || subsystems.evidenceMessageIds().isEmpty() || !fromFiles) {
            return SummaryField.none();
        }
        return SummaryField.of(String.join("; ", subsystems.values()), subsystems.evidenceMessageIds().get(0),
                "MAINTAINERS sections of the touched files");
    }

    private static SummaryField search(ThreadView thread, Pattern cue, String source) {
        for (ThreadMessage m : thread.messages()) {
            if (m.reply() && !m.fromBot() && !m.seriesMember()) {
                continue;
            }
            for (String p : Paragraphs.of(m.text() + "\n\n" + m.changelog())) {
                if (cue.matcher(p).find()) {
                    return SummaryField.of(Paragraphs.clip(p), m.messageId(), source);
                }
            }
        }
        return SummaryField.none();
    }

    private static SummaryField urgency(ThreadView thread, Classification labels) {
        List<String> parts = new ArrayList<>();
        String source = null;
        for (ThreadMessage m : thread.messages()) {
            for (Trailer t : m.trailers()) {
                if (t.stableCc() || t.type() == TrailerType.FIXES) {
                    parts.add(t.display());
                    source = source == null ? m.messageId() : source;
                }
            }
            if (parts.size() >= 3) {
                break;
            }
        }
        if (source != null) {
            return SummaryField.of(String.join("; ", new LinkedHashSet<>(parts)) + " (severity " + labels.severity().value() + ")",
                    source, "trailers");
        }
        return SummaryField.none();
    }

    private static SummaryField keyPoints(ThreadView thread) {
        for (ThreadMessage m : thread.messages()) {
            if (m.seriesMember() && !m.changelog().isBlank()) {
                return SummaryField.of(Paragraphs.clip(m.changelog().strip().replaceAll("\\s*\\n\\s*", " ")), m.messageId(),
                        "changelog");
            }
        }
        for (ThreadMessage m : thread.messages()) {
            if ("TEST_RESULT".equals(m.botType()) || "PERF_REPORT".equals(m.botType())) {
                List<String> p = Paragraphs.of(m.text());
                if (!p.isEmpty()) {
                    return SummaryField.of(Paragraphs.clip(p.get(0)), m.messageId(), "test result");
                }
            }
            if (m.reply() && !m.fromBot()) {
                for (String p : Paragraphs.of(m.text())) {
                    if (TEST_RESULT.matcher(p).find() && p.toLowerCase(Locale.ROOT).contains("test")) {
                        return SummaryField.of(Paragraphs.clip(p), m.messageId(), "test result");
                    }
                }
            }
        }
        return SummaryField.none();
    }
}
