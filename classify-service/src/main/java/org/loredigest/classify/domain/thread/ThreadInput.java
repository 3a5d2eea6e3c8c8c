package org.loredigest.classify.domain.thread;

import java.util.Map;
import org.loredigest.classify.domain.mail.ThreadMessage;

/**
 * What reaches thread state for one bucket (the record key). Buckets live on the partition their key hashes to, so a
 * bucket opened early by replies naming only their direct parent sits on another partition than the thread it turns
 * out to belong to; thread state moves it there through its own rerouting topic. Exactly one of the three is set.
 *
 * @param message   a message to add to the bucket
 * @param joins     the bucket named by the key belongs under this bucket: its messages and publications move there
 * @param published publications of a bucket that was folded into this one (thread id → last publication)
 * @param hops      how often the record was rerouted already; malformed mail whose references form a cycle would
 *                  otherwise travel between two buckets for ever
 */
public record ThreadInput(ThreadMessage message, String joins, Map<String, Bucket.Published> published, int hops) {

    /**
     * Reroutings one record may take; a longer chain is stored where it stands. A series whose every revision answers
     * a review of the one before opens one early bucket per revision, and a record may pass each on its way.
     */
    public static final int MAX_HOPS = 32;

    public ThreadInput {
        published = published == null ? null : Map.copyOf(published);
    }

    public static ThreadInput arrived(ThreadMessage message) {
        return new ThreadInput(message, null, null, 0);
    }

    public static ThreadInput joins(String target) {
        return new ThreadInput(null, target, null, 0);
    }

    public static ThreadInput handover(Map<String, Bucket.Published> published) {
        return new ThreadInput(null, null, published, 0);
    }

    /** The same input sent on once more. */
    public ThreadInput rerouted() {
        return new ThreadInput(message, joins, published, hops + 1);
    }

    public boolean mayReroute() {
        return hops < MAX_HOPS;
    }
}
