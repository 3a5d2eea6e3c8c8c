package org.loredigest.classify.domain.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/** What the label rules look at, computed once per thread. */
public final class ThreadFacts {

    private final ThreadView view;
    private final ThreadMessage first;
    private final List<ThreadMessage> postings = new ArrayList<>();
    private final List<ThreadMessage> humanReplies = new ArrayList<>();
    private final String opening;

    public ThreadFacts(ThreadView view) {
        this.view = view;
        this.first = view.first();
        for (ThreadMessage m : view.messages()) {
            if (m.seriesMember() || "PULL_REQUEST".equals(m.kind()) || "STABLE_REVIEW".equals(m.kind())) {
                postings.add(m);
            } else if (m.reply() && !m.fromBot()) {
                humanReplies.add(m);
            }
        }
        this.opening = (first.subject() + "\n" + first.text() + "\n" + first.callTrace()).toLowerCase(Locale.ROOT);
    }

    public ThreadView view() {
        return view;
    }

    /** The root, or the earliest message when the root is missing. */
    public ThreadMessage first() {
        return first;
    }

    public boolean rootMissing() {
        return view.rootMissing();
    }

    /** Patches, cover letters, pull requests and stable-review postings in the thread, in thread order. */
    public List<ThreadMessage> postings() {
        return postings;
    }

    /** Patches only (no cover letters). */
    public List<ThreadMessage> patches() {
        return postings.stream().filter(m -> "PATCH".equals(m.kind())).toList();
    }

    public List<ThreadMessage> humanReplies() {
        return humanReplies;
    }

    /** Subject, text and call trace of the first message, lower case. */
    public String opening() {
        return opening;
    }

    /** The first message's text plus the commit messages of the patches, lower case. */
    public String postingText() {
        StringBuilder sb = new StringBuilder(opening);
        for (ThreadMessage p : postings) {
            if (p != first) {
                sb.append('\n').append(p.title()).append('\n').append(p.text());
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    public String rootKind() {
        if (!rootMissing()) {
            return first.kind();
        }
        return "GHOST";
    }

    /** The thread starts with (or, rootless, answers) a patch posting. */
    public boolean startsWithPosting() {
        if (!rootMissing()) {
            return first.seriesMember() || "PULL_REQUEST".equals(first.kind()) || "STABLE_REVIEW".equals(first.kind());
        }
        String subject = first.subject().toLowerCase(Locale.ROOT);
        return subject.contains("[patch") || subject.contains("[rfc") || !postings.isEmpty() && postings.get(0) == first;
    }

    public List<Trailer> trailers(TrailerType type) {
        List<Trailer> out = new ArrayList<>();
        for (ThreadMessage m : view.messages()) {
            for (Trailer t : m.trailers()) {
                if (t.type() == type) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The messages carrying a trailer of this type. */
    public List<String> trailerEvidence(TrailerType type) {
        List<String> out = new ArrayList<>();
        for (ThreadMessage m : view.messages()) {
            if (m.trailers().stream().anyMatch(t -> t.type() == type)) {
                out.add(m.messageId());
            }
        }
        return out;
    }

    public List<String> stableCcEvidence() {
        List<String> out = new ArrayList<>();
        for (ThreadMessage m : postings) {
            if (m.trailers().stream().anyMatch(Trailer::stableCc)) {
                out.add(m.messageId());
            }
        }
        return out;
    }

    /** Every touched path is under one of the prefixes (and there is at least one). */
    public boolean allFilesUnder(String... prefixes) {
        boolean any = false;
        for (ThreadMessage m : postings) {
            for (ThreadMessage.FileStat f : m.files()) {
                any = true;
                boolean matched = false;
                for (String p : prefixes) {
                    matched |= f.path().startsWith(p);
                }
                if (!matched) {
                    return false;
                }
            }
        }
        return any;
    }

    /** Interfaces added by the thread's own patches (not by bots or reviewers' diffs). */
    public List<String> addedInterfaces() {
        List<String> out = new ArrayList<>();
        for (ThreadMessage m : postings) {
            if (!m.fromBot() && m.fromEmail().equals(first.fromEmail()) || m.seriesMember()) {
                m.interfaces().stream().filter(i -> !out.contains(i)).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * A root without a subject prefix whose author posts patches directly below it: a cover letter written by hand
     * ("add a foo helper" followed by [PATCH 1/4] ...) or an RFC proposal followed by its patch.
     */
    public boolean answeredByPosting() {
        if (rootMissing() || first.seriesMember()) {
            return false;
        }
        for (ThreadView.Node n : view.nodes()) {
            ThreadMessage m = n.message();
            if (first.key().equals(n.parentKey()) && m.seriesMember() && m.fromEmail().equals(first.fromEmail())) {
                return true;
            }
        }
        return false;
    }

    public int insertions() {
        return postings.stream().mapToInt(ThreadMessage::insertions).sum();
    }
}
