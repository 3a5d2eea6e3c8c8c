package org.loredigest.classify.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.series.SeriesBook;
import org.loredigest.classify.domain.series.SeriesState;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;

/**
 * Series stage: keyed by normalised title; publishes classified topics keyed by thread id. The title's state holds
 * slim drafts; the full draft of each topic is kept apart (key {@code title NUL thread id}) and read only when that
 * topic is published again.
 */
final class SeriesStep implements Processor<String, TopicDraft, String, Routed<ThreadClassified>> {

    static final String STAGE = "classify-service/series";
    private static final Logger LOG = Logger.getLogger(SeriesStep.class);

    private final SeriesBook book = new SeriesBook();
    private final ObjectMapper json;
    private ProcessorContext<String, Routed<ThreadClassified>> context;
    private KeyValueStore<String, SeriesState> store;
    private KeyValueStore<String, ThreadClassified> drafts;

    SeriesStep(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, Routed<ThreadClassified>> context) {
        this.context = context;
        this.store = context.getStateStore(ClassifyTopology.SERIES_STORE);
        this.drafts = context.getStateStore(ClassifyTopology.SERIES_DRAFT_STORE);
    }

    @Override
    public void process(Record<String, TopicDraft> record) {
        TopicDraft draft = record.value();
        try {
            String title = record.key();
            SeriesState state = store.get(title);
            SeriesBook.Update update = book.apply(state == null ? SeriesState.empty(title) : state, draft,
                    threadId -> drafts.get(draftKey(title, threadId)));
            if (!draft.removed() && draft.topic() && draft.draft() != null) {
                drafts.put(draftKey(title, draft.threadId()), draft.draft());
            } else if (state != null && state.entries().containsKey(draft.threadId())
                    && state.entries().get(draft.threadId()).draft().topic()) {
                drafts.delete(draftKey(title, draft.threadId()));
            }
            if (update.state().entries().isEmpty()) {
                store.delete(record.key());
            } else {
                store.put(record.key(), update.state());
            }
            for (SeriesBook.Emission e : update.emissions()) {
                context.forward(record.withKey(e.threadId()).withValue(Routed.ok(e.value())));
            }
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetters.of(Topics.THREAD_CLASSIFIED, draft.threadId(), STAGE, e, record.headers(), bytes(draft));
            LOG.errorf(e, "series stage gave up on %s", draft.threadId());
            context.forward(record.withKey(draft.threadId()).withValue(Routed.dead(letter)));
        }
    }

    static String draftKey(String title, String threadId) {
        return title + '\u0000' + threadId;
    }

    private byte[] bytes(TopicDraft draft) {
        try {
            return json.writeValueAsBytes(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft that was just read cannot be written back", e);
        }
    }
}
