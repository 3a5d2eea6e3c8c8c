package org.loredigest.classify.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.Participant;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/** Builds the {@link ThreadClassified} record of one thread from its messages, labels and summary. */
public final class TopicBuilder {

    static final String LORE = "https://lore.kernel.org";
    private static final int MAX_TRAILERS = 80;
    private static final int MAX_FILES = 60;
    private static final int MAX_FUNCTIONS = 30;
    private static final int MAX_FIXES = 5;

    private TopicBuilder() {
    }

    public static ThreadClassified build(ThreadView view, Classification labels, ThreadClassified.Summary summary, long version) {
        return build(view, labels, summary, version, List.of());
    }

    public static ThreadClassified build(ThreadView view, Classification labels, ThreadClassified.Summary summary, long version,
                                         List<ThreadClassified.MessageActivity> activity) {
        ThreadMessage first = view.first();
        List<ThreadMessage> messages = view.messages();
        Set<String> lists = new LinkedHashSet<>();
        Set<String> listIds = new LinkedHashSet<>();
        Instant firstActivity = first.date();
        Instant lastActivity = first.date();
        Instant updatedAt = first.receivedAt();
        int bots = 0;
        for (ThreadMessage m : messages) {
            lists.add(m.list());
            listIds.addAll(m.listIds());
            firstActivity = m.date().isBefore(firstActivity) ? m.date() : firstActivity;
            lastActivity = m.date().isAfter(lastActivity) ? m.date() : lastActivity;
            updatedAt = m.receivedAt().isAfter(updatedAt) ? m.receivedAt() : updatedAt;
            bots += m.fromBot() ? 1 : 0;
        }
        List<Participant> participants = participants(messages);
        String list = lists.iterator().next();
        return new ThreadClassified(view.threadId(), version, updatedAt, List.copyOf(lists), List.copyOf(listIds),
                first.title(), first.subject(), view.rootMessageId(), view.rootMissing(),
                view.rootMissing() ? "MISSING" : first.kind(), link(list, view.rootMessageId()), participants.get(0), participants,
                messages.size(), bots, firstActivity, lastActivity, series(view), labels.type().toLabel(),
                labels.severity().toLabel(), labels.security().toLabel(), labels.fixStatus().toLabel(), labels.subsystems(),
                summary, changes(messages), trailers(messages), reviewers(messages, first.fromEmail()),
                fixesInThread(view, labels), botNotes(messages), activity);
    }

    static ThreadClassified.LoreLink link(String list, String messageId) {
        String encoded = encode(messageId);
        String base = LORE + "/" + list + "/" + encoded + "/";
        return new ThreadClassified.LoreLink(LORE, list, messageId, base, base + "T/");
    }

    /** Percent-encodes what may not stand in a lore URL path segment (lore keeps {@code @}). */
    static String encode(String messageId) {
        StringBuilder sb = new StringBuilder();
        for (byte b : messageId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "@.-_+=~!$*'(),;:".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /**
     * A bug report answered by a patch in its own thread (kernel test robot reports often are): the patch is its fix,
     * linked like a fix from another thread that names the report.
     */
    static List<ThreadClassified.RelatedThread> fixesInThread(ThreadView view, Classification labels) {
        ThreadMessage first = view.first();
        if (!"bug".equals(labels.type().value()) || first.seriesMember()) {
            return List.of();
        }
        List<ThreadClassified.RelatedThread> out = new ArrayList<>();
        for (ThreadMessage m : view.messages()) {
            if (m != first && "PATCH".equals(m.kind()) && m.hasDiff() && !m.fromBot() && out.size() < MAX_FIXES) {
                out.add(new ThreadClassified.RelatedThread(view.threadId(), "fixed-by", m.messageId(),
                        "a patch in the thread: " + m.title()));
            }
        }
        return out;
    }

    private static List<Participant> participants(List<ThreadMessage> messages) {
        Map<String, Participant> byEmail = new LinkedHashMap<>();
        for (ThreadMessage m : messages) {
            byEmail.merge(m.fromEmail(), new Participant(m.fromName(), m.fromEmail(), m.fromBot(), 1),
                    (a, b) -> new Participant(a.name().isEmpty() ? b.name() : a.name(), a.email(), a.bot(), a.messages() + 1));
        }
        return new ArrayList<>(byEmail.values());
    }

    /** The revision this thread holds: led by its cover letter, else its first patch. */
    static ThreadClassified.SeriesInfo series(ThreadView view) {
        ThreadMessage lead = null;
        for (ThreadMessage m : view.messages()) {
            if (m.coverLetter() || lead == null && "PATCH".equals(m.kind()) && m.patchPosting()) {
                lead = m;
                if (m.coverLetter()) {
                    break;
                }
            }
        }
        if (lead == null) {
            return null;
        }
        Set<Integer> parts = new TreeSet<>();
        String changeId = "";
        String baseCommit = "";
        for (ThreadMessage m : view.messages()) {
            if ("PATCH".equals(m.kind()) && m.fromEmail().equals(lead.fromEmail()) && m.version() == lead.version()) {
                parts.add(m.part());
            }
            for (Trailer t : m.trailers()) {
                if (t.type() == TrailerType.CHANGE_ID && changeId.isEmpty()) {
                    changeId = t.value();
                } else if (t.type() == TrailerType.BASE_COMMIT && baseCommit.isEmpty()) {
                    baseCommit = t.commit().isEmpty() ? t.value() : t.commit();
                }
            }
        }
        int expected = Math.max(1, lead.total());
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= expected; i++) {
            if (!parts.contains(i)) {
                missing.add(i);
            }
        }
        return new ThreadClassified.SeriesInfo(seriesKey(lead), lead.version(), lead.rfc(), lead.resend(),
                lead.coverLetter() ? lead.messageId() : null, expected, parts.size(), missing, changeId, baseCommit,
                List.of(), List.of());
    }

    /** Revisions of one series share author and normalised title (kernel-mail's SeriesLinker rule). */
    public static String seriesKey(ThreadMessage lead) {
        return lead.fromEmail() + " " + lead.normalizedTitle();
    }

    private static ThreadClassified.Changes changes(List<ThreadMessage> messages) {
        List<ThreadClassified.FileChange> files = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        int plus = 0;
        int minus = 0;
        for (ThreadMessage m : messages) {
            if (!m.hasDiff() || m.fromBot()) {
                continue;
            }
            plus += m.insertions();
            minus += m.deletions();
            for (ThreadMessage.FileStat f : m.files()) {
                if (files.size() < MAX_FILES && seen.add(f.path() + "\n" + m.key())) {
                    files.add(new ThreadClassified.FileChange(f.path(), f.insertions(), f.deletions(), m.messageId()));
                }
            }
            m.functions().stream().limit(MAX_FUNCTIONS - functions.size()).forEach(functions::add);
        }
        return new ThreadClassified.Changes(files, List.copyOf(functions), plus, minus);
    }

    private static List<ThreadClassified.TrailerRef> trailers(List<ThreadMessage> messages) {
        List<ThreadClassified.TrailerRef> out = new ArrayList<>();
        for (ThreadMessage m : messages) {
            for (Trailer t : m.trailers()) {
                boolean wanted = switch (t.type()) {
                    case REVIEWED_BY, ACKED_BY, TESTED_BY, REPORTED_BY, NACKED_BY, SUGGESTED_BY, REPORTED_AND_TESTED_BY, FIXES,
                         CLOSES -> true;
                    case CC -> t.stableCc();
                    default -> false;
                };
                if (wanted && out.size() < MAX_TRAILERS) {
                    String type = t.stableCc() ? "Cc: stable" : t.type().canonicalName();
                    out.add(new ThreadClassified.TrailerRef(type, t.value() + (t.comment().isEmpty() ? "" : " " + t.comment()),
                            t.personEmail().isEmpty() ? null : t.personEmail(), m.messageId(), t.followUp()));
                }
            }
        }
        return out;
    }

    private static List<String> reviewers(List<ThreadMessage> messages, String author) {
        Set<String> out = new LinkedHashSet<>();
        for (ThreadMessage m : messages) {
            for (Trailer t : m.trailers()) {
                if (t.type().review() && !t.personEmail().isEmpty() && !t.personEmail().equals(author)) {
                    out.add(t.personEmail());
                }
            }
            if ("REVIEW".equals(m.kind()) && !m.fromBot() && !m.fromEmail().equals(author)) {
                out.add(m.fromEmail());
            }
        }
        return List.copyOf(out);
    }

    private static List<ThreadClassified.BotNote> botNotes(List<ThreadMessage> messages) {
        List<ThreadClassified.BotNote> out = new ArrayList<>();
        for (ThreadMessage m : messages) {
            if (m.fromBot()) {
                String note = m.title().length() > 160 ? m.title().substring(0, 160) : m.title();
                out.add(new ThreadClassified.BotNote(m.bot(), m.botType(), m.messageId(), note));
            }
        }
        return out;
    }
}
