package org.loredigest.report.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.MessageActivity;
import org.loredigest.report.digest.PeriodActivity.Reply;
import org.loredigest.report.digest.PeriodActivity.RevisionPosted;
import org.loredigest.report.digest.PeriodActivity.StatusChange;
import org.loredigest.report.digest.PeriodActivity.TrailerGained;

/**
 * Reads a topic's message timeline for one period (start inclusive, end exclusive). Pure: the same record, period
 * and evidence dates always give the same activity.
 */
public final class PeriodActivities {

    static final Set<String> REVIEW_TRAILERS = Set.of("Reviewed-by", "Acked-by", "Tested-by", "Nacked-by");
    private static final Set<String> CONCLUSIONS = Set.of("applied", "merged", "superseded");
    private static final Set<String> QUOTED_TONES = Set.of(MessageActivity.NAK, MessageActivity.OBJECTION,
            MessageActivity.QUESTION, MessageActivity.APPLIED);

    private PeriodActivities() {
    }

    /**
     * @param list          the list the topic is shown under, for links
     * @param evidenceDates when fix-status evidence from other threads (notices, pull requests, fixing patches) was
     *                      written, by Message-ID; the topic's own messages are dated by its timeline
     */
    public static PeriodActivity of(ThreadClassified t, String list, Instant start, Instant end,
                                    Map<String, Instant> evidenceDates) {
        List<MessageActivity> timeline = t.activity().isEmpty() ? legacyTimeline(t) : t.activity();
        Map<String, Instant> dates = new HashMap<>(evidenceDates);
        timeline.forEach(m -> dates.put(m.messageId(), m.date()));
        Map<String, String> names = new HashMap<>();
        t.participants().forEach(p -> names.put(p.email(), p.name() == null ? "" : p.name().strip()));

        int messages = 0;
        int bots = 0;
        Set<String> people = new LinkedHashSet<>();
        Reply highlight = null;
        boolean maintainers = false;
        for (MessageActivity m : timeline) {
            if (!within(m.date(), start, end)) {
                continue;
            }
            messages++;
            if (m.bot()) {
                bots++;
                continue;
            }
            if (m.authorEmail() != null) {
                people.add(person(names, m.authorEmail()));
            }
            maintainers |= m.maintainer();
            if (m.tone() != null && QUOTED_TONES.contains(m.tone()) && m.quote() != null) {
                highlight = Replies.stronger(highlight, new Reply(person(names, m.authorEmail()),
                        m.tone(), m.quote(), LoreLinks.message(list, m.messageId()), m.date()));
            }
        }
        List<StatusChange> changes = statusChanges(t, list, start, end, dates);
        boolean startedHere = within(t.firstActivity(), start, end);
        boolean revisedFromEarlier = t.series() != null && t.series().predecessors().stream()
                .anyMatch(r -> r.postedAt() == null || r.postedAt().isBefore(start));
        String status = changes.stream().anyMatch(c -> CONCLUSIONS.contains(c.to())) ? PeriodActivity.CONCLUDED
                : startedHere && !revisedFromEarlier ? PeriodActivity.NEW : PeriodActivity.ONGOING;
        return new PeriodActivity(status, messages, bots, List.copyOf(people),
                messages > 0 ? List.of(t.threadId()) : List.of(), revisions(t, list, start, end, timeline),
                trailers(t, list, start, end, dates), changes, highlight, maintainers);
    }

    /** "Name <address>", or the address alone when the mail gave no name. */
    static String person(Map<String, String> names, String email) {
        String name = names.getOrDefault(email, "");
        return name.isEmpty() ? email : name + " <" + email + ">";
    }

    static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    /** This topic's own revision, when it was posted in the period: from the previous version, with its changelog. */
    private static List<RevisionPosted> revisions(ThreadClassified t, String list, Instant start, Instant end,
                                                  List<MessageActivity> timeline) {
        ThreadClassified.SeriesInfo series = t.series();
        if (series == null || !within(t.firstActivity(), start, end)
                || series.version() <= 1 && series.predecessors().isEmpty()) {
            return List.of();
        }
        int previous = series.predecessors().isEmpty() ? 0
                : series.predecessors().get(series.predecessors().size() - 1).version();
        String changes = timeline.stream()
                .filter(m -> MessageActivity.POSTING.equals(m.role()) && m.quote() != null)
                .map(MessageActivity::quote).findFirst().orElse(null);
        return List.of(new RevisionPosted(t.threadId(), previous, series.version(), t.firstActivity(), changes,
                LoreLinks.message(list, t.threadId())));
    }

    private static List<TrailerGained> trailers(ThreadClassified t, String list, Instant start, Instant end,
                                                Map<String, Instant> dates) {
        Map<String, TrailerGained> out = new LinkedHashMap<>();
        for (ThreadClassified.TrailerRef r : t.trailers()) {
            // a trailer given in a reply; the ones a new revision carries were given before
            if (r.followUp() && REVIEW_TRAILERS.contains(r.type()) && within(dates.get(r.messageId()), start, end)) {
                String who = r.value() == null ? r.email() : r.value().replaceAll("\\s+", " ").strip();
                out.putIfAbsent(r.type() + "\n" + (r.email() == null ? who : r.email()),
                        new TrailerGained(r.type(), who, LoreLinks.message(list, r.messageId())));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Status changes the period shows: the current fix status when a message proving it is dated in the period, and
     * "reviewed" when the first review trailer came in the period.
     */
    private static List<StatusChange> statusChanges(ThreadClassified t, String list, Instant start, Instant end,
                                                    Map<String, Instant> dates) {
        List<StatusChange> out = new ArrayList<>();
        Instant firstReview = null;
        String reviewMessage = null;
        for (ThreadClassified.TrailerRef r : t.trailers()) {
            Instant at = dates.get(r.messageId());
            if (!"Nacked-by".equals(r.type()) && REVIEW_TRAILERS.contains(r.type()) && at != null
                    && (firstReview == null || at.isBefore(firstReview))) {
                firstReview = at;
                reviewMessage = r.messageId();
            }
        }
        if (within(firstReview, start, end)) {
            out.add(new StatusChange("reviewed", firstReview, "first review trailer", LoreLinks.message(list, reviewMessage)));
        }
        ThreadClassified.Label fix = t.fixStatus();
        if (fix != null && fix.value() != null && !"none".equals(fix.value()) && !"proposed".equals(fix.value())
                && !"reviewed".equals(fix.value())) {
            for (String id : fix.evidenceMessageIds()) {
                Instant at = dates.get(id);
                if (within(at, start, end)) {
                    out.add(new StatusChange(fix.value(), at, fix.signals().isEmpty() ? null : fix.signals().get(0),
                            LoreLinks.message(list, id)));
                    break;
                }
            }
        }
        return out;
    }

    /** A record classified before timelines existed: its first and last mail are all that is known. */
    private static List<MessageActivity> legacyTimeline(ThreadClassified t) {
        List<MessageActivity> out = new ArrayList<>();
        String author = t.author() == null ? null : t.author().email();
        boolean bot = t.author() != null && t.author().bot();
        if (t.firstActivity() != null) {
            out.add(new MessageActivity(t.rootMessageId(), t.firstActivity(), author, bot, false, MessageActivity.POSTING,
                    0, null, null, null));
        }
        if (t.lastActivity() != null && !t.lastActivity().equals(t.firstActivity())) {
            out.add(new MessageActivity(t.rootMessageId() + "#last", t.lastActivity(), null, false, false,
                    MessageActivity.REPLY, 0, null, null, null));
        }
        return out;
    }
}
