package org.loredigest.classify.kafka;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.series.LineageBook;
import org.loredigest.classify.domain.series.LineageState;
import org.loredigest.classify.domain.thread.TopicDraft;

/**
 * Second meeting point of series revisions, keyed by the author's address: links revisions whose title changed and
 * sends the links, keyed by title, to the series stage. A failure here costs only the link, so it is logged and the
 * draft is dropped rather than dead-lettered (the draft itself reaches the series stage on its own path).
 */
final class LineageStep implements Processor<String, TopicDraft, String, TopicDraft> {

    private static final Logger LOG = Logger.getLogger(LineageStep.class);

    private final LineageBook book = new LineageBook();
    private ProcessorContext<String, TopicDraft> context;
    private KeyValueStore<String, LineageState> store;

    @Override
    public void init(ProcessorContext<String, TopicDraft> context) {
        this.context = context;
        this.store = context.getStateStore(ClassifyTopology.LINEAGE_STORE);
    }

    @Override
    public void process(Record<String, TopicDraft> record) {
        TopicDraft draft = record.value();
        try {
            LineageState state = store.get(record.key());
            LineageBook.Update update = book.apply(state == null ? LineageState.empty(record.key()) : state, draft.posting(),
                    draft.sequence());
            store.put(record.key(), update.state());
            for (TopicDraft link : update.drafts()) {
                context.forward(record.withKey(link.titleKey()).withValue(link));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "lineage stage could not link %s", draft.threadId());
        }
    }
}
