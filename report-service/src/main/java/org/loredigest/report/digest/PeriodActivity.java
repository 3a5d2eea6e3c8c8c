package org.loredigest.report.digest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to one topic within the digest's period: whether it began, went on or was concluded there, its mails
 * and people in the period, revisions posted, trailers given, fix-status changes with the message that shows each,
 * and the period's most substantive reply.
 *
 * @param status         {@value #NEW} (its first mail is in the period), {@value #ONGOING} (began earlier, mail in the
 *                       period) or {@value #CONCLUDED} (applied, merged or superseded by evidence dated in the period)
 * @param messages       mails of the topic dated in the period (all threads the entry covers)
 * @param botMessages    of which sent by bots
 * @param people         the persons who wrote in the period ("Name <address>"), first appearance first
 * @param threads        thread ids the entry covers that have mail in the period (revisions of one series, repeated
 *                       reports of one crash)
 * @param revisions      series revisions posted in the period
 * @param trailers       Reviewed-by/Acked-by/Tested-by/Nacked-by given in the period
 * @param statusChanges  fix-status changes in the period, each with its evidence
 * @param highlight      the period's most substantive reply (NAK, objection, question, applied), or null
 * @param maintainers    a maintainer of the topic's subsystems wrote in the period
 */
public record PeriodActivity(String status, int messages, int botMessages, List<String> people, List<String> threads,
                             List<RevisionPosted> revisions, List<TrailerGained> trailers, List<StatusChange> statusChanges,
                             Reply highlight, boolean maintainers) {

    public static final String NEW = "new";
    public static final String ONGOING = "ongoing";
    public static final String CONCLUDED = "concluded";

    public PeriodActivity {
        people = List.copyOf(people);
        threads = List.copyOf(threads);
        revisions = List.copyOf(revisions);
        trailers = List.copyOf(trailers);
        statusChanges = List.copyOf(statusChanges);
    }

    /** Persons who wrote in the period (also a field of the JSON digest). */
    @JsonProperty("participants")
    public int participants() {
        return people.size();
    }

    /** The label key of {@link #status}, for the renderings. */
    public String statusKey() {
        return "status_" + status;
    }

    public boolean active() {
        return messages > 0;
    }

    /**
     * A revision posted in the period.
     *
     * @param fromVersion the revision before it (0 when none is known)
     * @param changes     what changed, as its author wrote it (changelog), or null
     */
    public record RevisionPosted(String threadId, int fromVersion, int toVersion, Instant postedAt, String changes, String url) {
    }

    /** A review trailer given in the period: its type, who gave it and the message. */
    public record TrailerGained(String type, String who, String url) {
    }

    /** The fix status became {@code to} in the period; {@code signal} says why, {@code evidenceUrl} shows it. */
    public record StatusChange(String to, Instant at, String signal, String evidenceUrl) {
    }

    /** A reply quoted for the period: who, what it does (nak, objection, question, applied), the words and where. */
    public record Reply(String author, String tone, String quote, String url, Instant at) {
        /** The label key of {@link #tone}, for the renderings. */
        public String toneKey() {
            return "tone_" + tone;
        }
    }

    /** Two entries' activity as one (revisions of one series, repeated reports of one crash). */
    public static PeriodActivity merge(PeriodActivity a, PeriodActivity b) {
        Set<String> people = new LinkedHashSet<>(a.people);
        people.addAll(b.people);
        Set<String> threads = new LinkedHashSet<>(a.threads);
        threads.addAll(b.threads);
        List<RevisionPosted> revisions = concat(a.revisions, b.revisions);
        revisions.sort(Comparator.comparingInt(RevisionPosted::toVersion).thenComparing(RevisionPosted::postedAt));
        List<StatusChange> changes = concat(a.statusChanges, b.statusChanges);
        changes.sort(Comparator.comparing(StatusChange::at, Comparator.nullsLast(Comparator.naturalOrder())));
        Set<String> reached = new HashSet<>();
        changes.removeIf(c -> !reached.add(c.to())); // each status once: when it was first reached
        Map<String, TrailerGained> trailers = new LinkedHashMap<>();
        concat(a.trailers, b.trailers).forEach(t -> trailers.putIfAbsent(t.type() + "\n" + t.who(), t));
        // one part that began earlier makes the whole entry ongoing; any conclusion concludes it
        String status = rank(a.status) >= rank(b.status) ? a.status : b.status;
        return new PeriodActivity(status, a.messages + b.messages, a.botMessages + b.botMessages, List.copyOf(people),
                List.copyOf(threads), revisions, new ArrayList<>(trailers.values()), changes,
                Replies.stronger(a.highlight, b.highlight), a.maintainers || b.maintainers);
    }

    private static int rank(String status) {
        return switch (status) {
            case CONCLUDED -> 2;
            case ONGOING -> 1;
            default -> 0;
        };
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
