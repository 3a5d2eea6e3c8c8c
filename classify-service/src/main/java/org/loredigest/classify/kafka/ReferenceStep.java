package org.loredigest.classify.kafka;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.series.ReferenceBook;
import org.loredigest.classify.domain.series.ReferenceState;
import org.loredigest.classify.domain.series.SeriesPosting;
import org.loredigest.classify.domain.thread.BotReports;
import org.loredigest.classify.domain.thread.TopicDraft;

/**
 * Meeting point keyed by a report's root Message-ID: the report's own draft and the drafts of patches whose
 * {@code Closes:}/{@code Link:} trailers name it. Pairings go, keyed by the report's title, to the series stage. A
 * failure costs only that evidence, so it is logged rather than dead-lettered (the drafts travel on their own path).
 */
final class ReferenceStep implements Processor<String, TopicDraft, String, TopicDraft> {

    private static final Logger LOG = Logger.getLogger(ReferenceStep.class);

    private final ReferenceBook book = new ReferenceBook();
    private ProcessorContext<String, TopicDraft> context;
    private KeyValueStore<String, ReferenceState> store;

    /** A report worth following: a topic of its own that is not a patch posting and reports a bug. */
    static boolean report(TopicDraft d) {
        return !d.removed() && d.topic() && d.posting() == null && d.draft() != null && "bug".equals(d.draft().type().value());
    }

    /** Where patches find the report: its root Message-ID, and for syzbot also its bug id. */
    static List<String> reportKeys(TopicDraft d) {
        String extId = d.draft().author() == null ? null : BotReports.syzbotExtId(d.draft().author().email());
        return extId == null ? List.of(d.threadId()) : List.of(d.threadId(), SeriesPosting.syzbotKey(extId));
    }

    @Override
    public void init(ProcessorContext<String, TopicDraft> context) {
        this.context = context;
        this.store = context.getStateStore(ClassifyTopology.REFERENCE_STORE);
    }

    @Override
    public void process(Record<String, TopicDraft> record) {
        TopicDraft draft = record.value();
        try {
            ReferenceState state = store.get(record.key());
            state = state == null ? ReferenceState.empty(record.key()) : state;
            SeriesPosting p = draft.posting();
            ReferenceBook.Update update = p == null
                    ? book.report(state, draft.threadId(), draft.titleKey(), draft.sequence())
                    : book.patch(state, new ReferenceState.Patch(p.threadId(), p.rootMessageId(), p.title(), p.fixStatus()),
                            draft.sequence());
            store.put(record.key(), update.state());
            for (TopicDraft evidence : update.drafts()) {
                context.forward(record.withKey(evidence.titleKey()).withValue(evidence));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "reference stage could not pair %s with %s", draft.threadId(), record.key());
        }
    }
}
