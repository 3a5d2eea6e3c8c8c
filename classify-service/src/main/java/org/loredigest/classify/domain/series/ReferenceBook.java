package org.loredigest.classify.domain.series;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.loredigest.classify.domain.thread.TopicDraft;

/**
 * A bug report named by a later patch's {@code Closes:}/{@code Link:} trailer gets fix-status evidence from that
 * patch: proposed, reviewed, applied or merged as the patch is, with the patch's Message-ID as evidence, and a
 * {@code fixed-by} related link. Both sides register under the report's root Message-ID, in either order; each
 * pairing is sent, keyed by the report's title, to the series stage as an entry targeted at the report's thread.
 */
public final class ReferenceBook {

    static final String FIXED_BY = "fixed-by";
    /** A superseded or unreviewed patch still is a proposed fix for the report. */
    private static final Set<String> FOLLOWED = Set.of("proposed", "reviewed", "applied", "merged");

    public record Update(ReferenceState state, List<TopicDraft> drafts) {
    }

    /** The report's own thread was (re)published. */
    public Update report(ReferenceState state, String threadId, String titleKey, long sequence) {
        ReferenceState next = new ReferenceState(state.messageId(), new ReferenceState.Report(threadId, titleKey),
                state.patches());
        List<TopicDraft> drafts = new ArrayList<>();
        boolean moved = state.report() != null && !state.report().equals(next.report());
        for (ReferenceState.Patch p : new TreeMap<>(next.patches()).values()) {
            if (moved) {
                drafts.add(TopicDraft.removal(entryId(p, state.report()), state.report().titleKey(), sequence));
            }
            if (state.report() == null || moved) {
                drafts.add(entry(p, next.report(), sequence));
            }
        }
        return new Update(next, drafts);
    }

    /** A patch naming the report was (re)published. */
    public Update patch(ReferenceState state, ReferenceState.Patch patch, long sequence) {
        Map<String, ReferenceState.Patch> patches = new HashMap<>(state.patches());
        ReferenceState.Patch before = patches.put(patch.threadId(), patch);
        ReferenceState next = new ReferenceState(state.messageId(), state.report(), patches);
        if (state.report() == null || patch.equals(before)) {
            return new Update(next, List.of());
        }
        return new Update(next, List.of(entry(patch, state.report(), sequence)));
    }

    private static String entryId(ReferenceState.Patch p, ReferenceState.Report r) {
        return "closes:" + p.threadId() + ">" + r.threadId();
    }

    private static TopicDraft entry(ReferenceState.Patch p, ReferenceState.Report r, long sequence) {
        String status = FOLLOWED.contains(p.fixStatus()) ? p.fixStatus() : "proposed";
        var x = new TopicDraft.Enrichment(FIXED_BY, p.rootMessageId(), "a patch names this report: " + p.title()
                + " (" + status + ")", status, r.threadId(), p.threadId(), 0, false, null);
        return new TopicDraft(entryId(p, r), r.titleKey(), sequence, false, false, null, x, null);
    }
}
