package org.loredigest.classify.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.series.LineageBook;
import org.loredigest.classify.domain.series.LineageState;
import org.loredigest.classify.domain.series.SeriesPosting;
import org.loredigest.classify.domain.thread.TopicDraft;

/**
 * Second meeting point of series revisions, keyed by the author's address: links revisions whose title changed and
 * sends the links, keyed by title, to the series stage. A failure here costs only the link, so it is logged and the
 * draft is dropped rather than dead-lettered (the draft itself reaches the series stage on its own path).
 *
 * <p>Each posting is stored on its own, under three keys: by thread id (its latest facts), by version and by b4
 * change-id. A new posting reads only the postings it can link to ({@link LineageBook#linkableSlots}: the versions
 * before and after, its own version with the other RFC-ness; the same change-id), so a prolific author's many v1
 * patches are not read again for each new one.
 */
final class LineageStep implements Processor<String, TopicDraft, String, TopicDraft> {

    private static final Logger LOG = Logger.getLogger(LineageStep.class);
    private static final char SEPARATOR = '\u0000';
    private static final StringSerializer KEYS = new StringSerializer();

    private final LineageBook book = new LineageBook();
    private ProcessorContext<String, TopicDraft> context;
    private KeyValueStore<String, SeriesPosting> store;

    @Override
    public void init(ProcessorContext<String, TopicDraft> context) {
        this.context = context;
        this.store = context.getStateStore(ClassifyTopology.LINEAGE_STORE);
    }

    @Override
    public void process(Record<String, TopicDraft> record) {
        TopicDraft draft = record.value();
        try {
            String author = record.key();
            SeriesPosting posting = draft.posting();
            SeriesPosting before = store.get(threadKey(author, posting.threadId()));
            if (posting.equals(before)) {
                return; // re-sent unchanged with its thread's next flush: its links are those already sent
            }
            Map<String, SeriesPosting> candidates = new HashMap<>();
            Set<String> prefixes = new LinkedHashSet<>(); // a re-sent posting has its earlier self's version and change-id
            if (before != null) {
                candidates.put(before.threadId(), before);
                prefixes.addAll(prefixes(author, before));
            }
            prefixes.addAll(prefixes(author, posting));
            prefixes.forEach(prefix -> scan(candidates, prefix));
            LineageBook.Update update = book.apply(new LineageState(author, candidates), posting, draft.sequence());
            if (before != null) {
                store.delete(versionKey(author, before));
                if (!before.changeId().isEmpty()) {
                    store.delete(changeKey(author, before));
                }
            }
            store.put(threadKey(author, posting.threadId()), posting);
            store.put(versionKey(author, posting), posting);
            if (!posting.changeId().isEmpty()) {
                store.put(changeKey(author, posting), posting);
            }
            for (TopicDraft link : update.drafts()) {
                context.forward(record.withKey(link.titleKey()).withValue(link));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "lineage stage could not link %s", draft.threadId());
        }
    }

    /** Where the author's postings {@code p} could be linked with are kept: key prefixes to scan. */
    private static List<String> prefixes(String author, SeriesPosting p) {
        List<String> out = new ArrayList<>();
        for (LineageBook.VersionSlot slot : LineageBook.linkableSlots(p)) {
            String version = author + SEPARATOR + "v" + SEPARATOR + slot.version() + SEPARATOR;
            if (slot.rfc() == null) {
                out.add(version);
            } else {
                out.add(version + rfcMark(slot.rfc()) + SEPARATOR);
            }
        }
        if (!p.changeId().isEmpty()) {
            out.add(author + SEPARATOR + "c" + SEPARATOR + p.changeId() + SEPARATOR);
        }
        return out;
    }

    private void scan(Map<String, SeriesPosting> into, String prefix) {
        try (KeyValueIterator<String, SeriesPosting> it = store.prefixScan(prefix, KEYS)) {
            it.forEachRemaining(kv -> into.putIfAbsent(kv.value.threadId(), kv.value));
        }
    }

    static String threadKey(String author, String threadId) {
        return author + SEPARATOR + "t" + SEPARATOR + threadId;
    }

    /** By version, then RFC-ness: a scan can take one version whole or only its RFC or non-RFC postings. */
    static String versionKey(String author, SeriesPosting p) {
        return author + SEPARATOR + "v" + SEPARATOR + p.version() + SEPARATOR + rfcMark(p.rfc()) + SEPARATOR + p.threadId();
    }

    private static String rfcMark(boolean rfc) {
        return rfc ? "rfc" : "final";
    }

    static String changeKey(String author, SeriesPosting p) {
        return author + SEPARATOR + "c" + SEPARATOR + p.changeId() + SEPARATOR + p.threadId();
    }
}
