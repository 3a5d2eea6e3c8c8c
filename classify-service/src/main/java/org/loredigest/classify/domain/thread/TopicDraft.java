package org.loredigest.classify.domain.thread;

import java.time.Instant;
import org.loredigest.classify.domain.series.SeriesPosting;
import org.loredigest.events.ThreadClassified;

/**
 * What thread state hands to the series stage for one thread id: the topic as seen from its own messages, an
 * enrichment for the topic it belongs to (a stable review, an mm-commits notice, bot-only mail), or a removal.
 *
 * @param threadId   the thread id
 * @param titleKey   normalised title: where revisions, stable reviews and notices of the same change meet
 * @param sequence   publication count of this thread id in thread state
 * @param removed    the thread id no longer exists (its messages were re-homed)
 * @param topic      the thread is a topic of its own (false: bot-only mail, stable-review fan-out, notices)
 * @param draft      the record built from the thread alone (null when removed)
 * @param enrichment for non-topics: what they add to the topic with the same title, else null
 * @param posting    for series revisions: what links it to revisions under other titles and to reports it closes
 */
public record TopicDraft(String threadId, String titleKey, long sequence, boolean removed, boolean topic,
                         ThreadClassified draft, Enrichment enrichment, SeriesPosting posting) {

    /**
     * @param relation  {@code stable-backport}, {@code mm-commits} or {@code bot-report}
     * @param messageId the message that shows it
     * @param note      what it says
     * @param fixStatus the status it is evidence for ({@code applied}, {@code merged}), or null
     * @param target    the one thread it is about (a linked revision, a closed report); null: the newest revision
     *                  of every series under the title
     * @param other     for links between threads: the linked thread, with its version, RFC flag and posting time
     */
    public record Enrichment(String relation, String messageId, String note, String fixStatus, String target, String other,
                             int otherVersion, boolean otherRfc, Instant otherPostedAt) {

        public Enrichment(String relation, String messageId, String note, String fixStatus) {
            this(relation, messageId, note, fixStatus, null, null, 0, false, null);
        }
    }

    public static TopicDraft removal(String threadId, String titleKey, long sequence) {
        return new TopicDraft(threadId, titleKey, sequence, true, false, null, null, null);
    }

    /**
     * The thread still exists but now meets under another title (its title key depends on which of its messages have
     * arrived, e.g. replies before the cover letter): the old title drops it without a tombstone, since the new title
     * publishes it and the two records travel on different keys in no guaranteed order.
     */
    public static TopicDraft moved(String threadId, String oldTitleKey, long sequence) {
        return new TopicDraft(threadId, oldTitleKey, sequence, true, true, null, null, null);
    }

    /**
     * This draft without its record ({@link #draft} null): all that the lineage and reference stages read, so the
     * record, most of the bytes, travels only to the series stage.
     */
    public TopicDraft withoutRecord() {
        return draft == null ? this : new TopicDraft(threadId, titleKey, sequence, removed, topic, null, enrichment, posting);
    }

    /** A removal from {@link #moved}: no tombstone. */
    public boolean movedAway() {
        return removed && topic;
    }
}
