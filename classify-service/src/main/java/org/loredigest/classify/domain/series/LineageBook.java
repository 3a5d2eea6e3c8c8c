package org.loredigest.classify.domain.series;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.loredigest.classify.domain.thread.TopicDraft;

/**
 * Links revisions of one author whose normalised titles differ (same titles already meet in the series stage).
 * A pair is linked by the b4 change-id when both carry one; otherwise the newer must be the next version of the
 * older and show it is the same work: a lore link to the older posting, or largely the same files with related
 * titles, or a shared file with a close title. Each link becomes two targeted entries for the series stage: "newer-revision" under the older's title
 * (it becomes superseded, evidence the newer's Message-ID) and "older-revision" under the newer's title. An update
 * sends only the entries that are new or changed, and removals for those that went.
 *
 * <p>Links depend only on the set of postings, never on which arrived first: the same mail in any order gives the
 * same links.
 */
public final class LineageBook {

    static final String NEWER = "newer-revision";
    static final String OLDER = "older-revision";
    static final double FILE_OVERLAP = 0.5;
    static final double TITLE_OVERLAP = 0.25;
    /** Titles this close need only one shared file ("... to memory controller" → "... to memcg"). */
    static final double CLOSE_TITLE = 0.5;
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with",
            "from", "by", "into", "mm", "cgroup", "patch", "fix", "add", "use");

    public record Update(LineageState state, List<TopicDraft> drafts) {
    }

    public Update apply(LineageState state, SeriesPosting posting, long sequence) {
        Map<String, SeriesPosting> postings = new HashMap<>(state.postings());
        SeriesPosting before = postings.put(posting.threadId(), posting);
        Map<String, TopicDraft> old = before == null ? Map.of() : links(before, state.postings().values(), sequence);
        Map<String, TopicDraft> now = links(posting, postings.values(), sequence);
        // only links that are new or say something new: a posting is re-sent on every flush of its thread, and
        // re-sending its unchanged links would make the series stage re-read and re-write every linked title
        List<TopicDraft> drafts = new ArrayList<>();
        for (Map.Entry<String, TopicDraft> e : new java.util.TreeMap<>(now).entrySet()) {
            if (!sameLink(old.get(e.getKey()), e.getValue())) {
                drafts.add(e.getValue());
            }
        }
        for (Map.Entry<String, TopicDraft> e : new java.util.TreeMap<>(old).entrySet()) {
            TopicDraft still = now.get(e.getKey());
            if (still == null || !still.titleKey().equals(e.getValue().titleKey())) {
                drafts.add(TopicDraft.removal(e.getKey(), e.getValue().titleKey(), sequence));
            }
        }
        return new Update(new LineageState(state.author(), postings), drafts);
    }

    /** The series stage already holds {@code now} if it was sent as {@code sent}: the sequence alone does not count. */
    private static boolean sameLink(TopicDraft sent, TopicDraft now) {
        return sent != null && sent.titleKey().equals(now.titleKey()) && java.util.Objects.equals(sent.enrichment(), now.enrichment());
    }

    /** Entries for every link between {@code p} and the other postings, by entry id. */
    private static Map<String, TopicDraft> links(SeriesPosting p, Iterable<SeriesPosting> all, long sequence) {
        Map<String, TopicDraft> out = new HashMap<>();
        for (SeriesPosting other : all) {
            if (other.threadId().equals(p.threadId())) {
                continue;
            }
            if (linked(other, p)) {
                put(out, other, p, sequence);
            } else if (linked(p, other)) {
                put(out, p, other, sequence);
            }
        }
        return out;
    }

    private static void put(Map<String, TopicDraft> out, SeriesPosting older, SeriesPosting newer, long sequence) {
        String id = "lineage:" + older.threadId() + ">" + newer.threadId();
        String v = "v" + newer.version() + " under a new title: " + newer.title();
        out.put(id + ":newer", new TopicDraft(id + ":newer", older.titleKey(), sequence, false, false, null,
                new TopicDraft.Enrichment(NEWER, newer.rootMessageId(), v, "superseded", older.threadId(), newer.threadId(),
                        newer.version(), newer.rfc(), newer.postedAt()), null));
        out.put(id + ":older", new TopicDraft(id + ":older", newer.titleKey(), sequence, false, false, null,
                new TopicDraft.Enrichment(OLDER, older.rootMessageId(), "v" + older.version() + " under an older title: "
                        + older.title(), null, newer.threadId(), older.threadId(), older.version(), older.rfc(),
                        older.postedAt()), null));
    }

    /**
     * Postings of one version, and of one RFC-ness unless {@code rfc} is null.
     *
     * @param rfc true: RFC postings only; false: non-RFC only; null: both
     */
    public record VersionSlot(int version, Boolean rfc) {
    }

    /**
     * Where the postings a posting can be linked with without a shared change-id are: the version before and the one
     * after, and its own version with the other RFC-ness (an RFC is followed by the same version without RFC); see
     * {@link #linked}. Postings of its own version and RFC-ness are never linked with it, and they are most of a
     * prolific author's history (v1 patches), so they are not read.
     */
    public static List<VersionSlot> linkableSlots(SeriesPosting p) {
        List<VersionSlot> out = new ArrayList<>(3);
        if (p.version() > 0) {
            out.add(new VersionSlot(p.version() - 1, null));
        }
        out.add(new VersionSlot(p.version(), !p.rfc()));
        out.add(new VersionSlot(p.version() + 1, null));
        return out;
    }

    /** Whether {@code other} lies in one of {@code p}'s {@link #linkableSlots}. */
    static boolean inLinkableSlot(SeriesPosting p, SeriesPosting other) {
        return linkableSlots(p).stream().anyMatch(slot -> slot.version() == other.version()
                && (slot.rfc() == null || slot.rfc() == other.rfc()));
    }

    /** {@code newer} is the next revision of {@code older} under another title. */
    static boolean linked(SeriesPosting older, SeriesPosting newer) {
        if (older.titleKey().equals(newer.titleKey()) || !older.authorEmail().equalsIgnoreCase(newer.authorEmail())) {
            return false;
        }
        if (!older.changeId().isEmpty() && !newer.changeId().isEmpty()) {
            return older.changeId().equals(newer.changeId()) && newerRevision(older, newer);
        }
        boolean next = newer.version() == older.version() + 1 || newer.version() == older.version() && older.rfc() && !newer.rfc();
        if (!next || newer.postedAt().isBefore(older.postedAt())) {
            return false;
        }
        if (newer.linkedMessageIds().contains(older.rootMessageId())) {
            return true;
        }
        double files = jaccard(new TreeSet<>(older.files()), new TreeSet<>(newer.files()));
        double words = jaccard(words(older.title()), words(newer.title()));
        // same files alone are not enough: single-file fixes of mm/memcontrol.c by one author are often unrelated
        return files >= FILE_OVERLAP && words >= TITLE_OVERLAP || files > 0 && words >= CLOSE_TITLE;
    }

    private static boolean newerRevision(SeriesPosting older, SeriesPosting newer) {
        return newer.version() > older.version() || newer.version() == older.version() && older.rfc() && !newer.rfc();
    }

    static Set<String> words(String title) {
        Set<String> out = new HashSet<>();
        for (String w : title.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9_]+")) {
            if (w.length() > 1 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }
}
