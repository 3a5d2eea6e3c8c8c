package org.loredigest.classify.domain.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.TextMemo;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.mail.trailer.TrailerType;

/**
 * Digest fields copied from the mail, each only when the text answers that field's question (see {@link Cues}):
 * the problem from a paragraph that says what is wrong, the solution from the patch's own "This patch …" or
 * imperative sentence, the trigger from a reproducer, a stated condition or a real call trace, caveats from a
 * reviewer's objection, key points from a version changelog or a test report. Prose that is not prose (changelogs,
 * diffstats, shortlogs, code, dumps) is never quoted. Structural fields come from {@link FactFields}. A field with no
 * such text stays empty. Deterministic; every filled field names its message.
 */
public final class ExtractiveSummariser implements Summariser {

    public static final String NAME = "extractive-v2";

    private static final Pattern REAL_TRACE = Pattern.compile(
            "Call Trace:|\\bRIP:|\\bBUG:|Unable to handle kernel|general protection fault|WARNING: CPU:|\\bOops\\b|KASAN:"
                    + "|kernel BUG at|watchdog:|INFO: task .* blocked");

    private static final Pattern FRAGMENT = Pattern.compile("^(?:with|and|but|or|which|that|so|to|of|in|for|from|by|as)\\b");

    /** An interface and what happens to it, close together in one sentence. */
    private static final Pattern INTERFACE_CHANGED = Pattern.compile("(?:" + Cues.INTERFACE.pattern() + ").{0,60}(?:"
            + Cues.INTERFACE_CHANGE.pattern() + ")|(?:" + Cues.INTERFACE_CHANGE.pattern() + ").{0,60}(?:"
            + Cues.INTERFACE.pattern() + ")", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Summary summarise(ThreadView thread, Classification labels) {
        ThreadMessage lead = lead(thread);
        List<String> prose = Paragraphs.prose(lead.text());
        String source = source(lead);
        SummaryField headline = prose.isEmpty() ? SummaryField.of(lead.title(), lead.messageId(), "subject")
                : SummaryField.of(Paragraphs.firstSentence(prose.get(0)), lead.messageId(), source);
        // a commit message states the problem before the change; what follows the change is not the problem
        int solutionAt = lead.seriesMember() ? indexOf(prose, p -> startsSolution(p)) : -1;
        List<String> before = solutionAt < 0 ? prose : prose.subList(0, solutionAt + 1);
        int problemAt = indexOf(before, p -> p.length() >= 60 && Cues.PROBLEM.found(p)
                && !Cues.NOT_A_PROBLEM.matcher(p).find() && !Cues.SERIES_LAYOUT.matcher(p).find()
                && !beforeSolution(p).isEmpty());
        SummaryField problem = problemAt < 0 ? SummaryField.none() : text(beforeSolution(prose.get(problemAt)), lead, source);
        // a paragraph starting with a joining word is the tail of a broken one ("with commit fa8a… (…).")
        int backgroundAt = indexOf(prose, p -> p.length() >= 60 && !FRAGMENT.matcher(p).find()
                && Cues.BACKGROUND.found(p)
                && !Cues.PROBLEM.found(p) && !Cues.PROPOSAL.found(p)
                && !Cues.MENTIONS_THE_CHANGE.matcher(p).find() && !beforeSolution(p).isEmpty());
        SummaryField background = backgroundAt < 0 || backgroundAt == problemAt ? SummaryField.none()
                : text(beforeSolution(prose.get(backgroundAt)), lead, source);
        SummaryField compatibility = FactFields.addedInterfaces(thread);
        if (compatibility.empty()) {
            compatibility = sentences(postings(thread), s -> INTERFACE_CHANGED.matcher(s).find()
                    && !Cues.HISTORY.matcher(s).find(), "interface change");
        }
        return new Summary(NAME, headline, problem, background, trigger(thread, labels), solution(thread, lead),
                FactFields.implementation(thread), caveats(thread, lead), FactFields.components(labels),
                // a heading ("# Performance improvement") names the subject, it claims nothing
                sentences(postings(thread), s -> !s.startsWith("#") && Cues.PERF_WORD.found(s)
                        && Cues.PERF_EFFECT.matcher(s).find(), "performance claim"),
                compatibility, FactFields.urgency(thread, labels), keyPoints(thread, lead));
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

    /** Messages that speak for the topic: postings and reports, not replies. */
    private static List<ThreadMessage> postings(ThreadView thread) {
        return thread.messages().stream().filter(m -> !m.fromBot() && (!m.reply() || m.seriesMember())).toList();
    }

    private static int indexOf(List<String> paragraphs, Predicate<String> answers) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (answers.test(paragraphs.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsSolution(String paragraph) {
        return Paragraphs.sentences(paragraph).stream().anyMatch(x -> Cues.SOLUTION.matcher(x).find());
    }

    /** The sentences of a paragraph up to the first one that describes the change. */
    private static String beforeSolution(String paragraph) {
        List<String> kept = new ArrayList<>();
        for (String sentence : Paragraphs.sentences(paragraph)) {
            if (Cues.SOLUTION.matcher(sentence).find()) {
                break;
            }
            kept.add(sentence);
        }
        return String.join(" ", kept);
    }

    private static SummaryField text(String paragraph, ThreadMessage m, String source) {
        return SummaryField.of(Paragraphs.clip(paragraph), m.messageId(), source);
    }

    /**
     * The first paragraph of the given messages with sentences that answer; those sentences, at most two. What a
     * message's text gave is remembered under {@code source}: {@code answers} must be the same for a source and
     * depend on the sentence alone.
     */
    private static SummaryField sentences(List<ThreadMessage> messages, Predicate<String> answers, String source) {
        TextMemo<Optional<String>> memo = ANSWERS.computeIfAbsent(source, s -> new TextMemo<>(4_096));
        for (ThreadMessage m : messages) {
            Optional<String> hit = memo.apply(m.text(), text -> firstAnswer(text, answers));
            if (hit.isPresent()) {
                return SummaryField.of(hit.get(), m.messageId(), source);
            }
        }
        return SummaryField.none();
    }

    private static final Map<String, TextMemo<Optional<String>>> ANSWERS = new ConcurrentHashMap<>();

    private static Optional<String> firstAnswer(String text, Predicate<String> answers) {
        for (String p : Paragraphs.prose(text)) {
            List<String> hits = Paragraphs.sentences(p).stream().filter(answers).limit(2).toList();
            if (!hits.isEmpty()) {
                return Optional.of(Paragraphs.clip(String.join(" ", hits)));
            }
        }
        return Optional.empty();
    }

    /** What the change does: from its "This patch …", "To fix this, …" or imperative sentence onwards. */
    private static SummaryField solution(ThreadView thread, ThreadMessage lead) {
        // a posting speaks for itself (a cover letter for its series); a report answered with a patch is described
        // by that patch's own commit message
        List<ThreadMessage> candidates = lead.seriesMember() ? List.of(lead)
                : thread.messages().stream().filter(m -> m != lead && m.hasDiff() && !m.fromBot()).toList();
        for (ThreadMessage m : candidates) {
            for (String p : Paragraphs.prose(m.text())) {
                List<String> sentences = Paragraphs.sentences(p);
                for (int i = 0; i < sentences.size(); i++) {
                    if (Cues.SOLUTION.matcher(sentences.get(i)).find() && !Cues.NOT_THE_CHANGE.matcher(sentences.get(i)).find()) {
                        String from = String.join(" ", sentences.subList(i, sentences.size()));
                        return SummaryField.of(Paragraphs.clip(from), m.messageId(), source(m));
                    }
                }
            }
        }
        return SummaryField.none();
    }

    /** A reproducer or a stated failure condition in a posting or report; else the report's kernel call trace. */
    private static SummaryField trigger(ThreadView thread, Classification labels) {
        SummaryField stated = sentences(postings(thread), s -> s.length() >= 40 && Cues.TRIGGER.matcher(s).find()
                && Cues.PROBLEM.found(s) && !Cues.PROPOSAL.found(s), "trigger condition");
        if (!stated.empty()) {
            return stated;
        }
        boolean bug = "bug".equals(labels.type().value());
        for (ThreadMessage m : thread.messages()) {
            if ((bug || !m.reply()) && !m.callTrace().isEmpty() && REAL_TRACE.matcher(m.callTrace()).find()) {
                return SummaryField.of(Paragraphs.clip(m.callTrace()), m.messageId(), "call trace");
            }
        }
        return SummaryField.none();
    }

    /** A reviewer's objection or open technical question; never style nits, praise or process remarks. */
    private static SummaryField caveats(ThreadView thread, ThreadMessage lead) {
        for (ThreadMessage m : thread.messages()) {
            if (!m.reply() || m.fromBot() || m.hasDiff() || m.fromEmail().equals(lead.fromEmail())) {
                continue; // a reply carrying a patch is a posting, not a review
            }
            if (m.trailers().stream().anyMatch(t -> t.type() == TrailerType.NACKED_BY)) {
                return SummaryField.of("Nacked-by " + m.fromName(), m.messageId(), "review");
            }
            for (String p : Paragraphs.prose(m.text())) {
                if (p.length() > 50 && Cues.OBJECTION.found(p) && !Cues.NOT_A_CAVEAT.found(p)) {
                    return SummaryField.of(Paragraphs.clip(p), m.messageId(), "review");
                }
            }
        }
        return SummaryField.none();
    }

    /** The version changelog of the posting, else a reviewer's or tester's test report. */
    private static SummaryField keyPoints(ThreadView thread, ThreadMessage lead) {
        for (ThreadMessage m : thread.messages()) {
            // a changelog of links only ("v2: https://…") says nothing to remember
            if (m.seriesMember() && Cues.CHANGELOG.matcher(m.changelog()).find()
                    && m.changelog().replaceAll("https?://\\S+|[Vv]\\d+:?|[-*\\s]", "").length() >= 20) {
                return SummaryField.of(Paragraphs.clip(m.changelog().strip().replaceAll("\\s*\\n\\s*", " ")),
                        m.messageId(), "changelog");
            }
        }
        List<ThreadMessage> testers = thread.messages().stream()
                .filter(m -> m.reply() && !m.fromBot() && !m.fromEmail().equals(lead.fromEmail())).toList();
        return sentences(testers, s -> Cues.TEST_RESULT.matcher(s).find() && !Cues.NOT_A_RESULT.matcher(s).find(),
                "test result");
    }
}
