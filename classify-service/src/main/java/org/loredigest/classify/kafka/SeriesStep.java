package org.loredigest.classify.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.series.SeriesBook;
import org.loredigest.classify.domain.series.SeriesState;
import org.loredigest.classify.domain.thread.FlushClock;
import org.loredigest.classify.domain.thread.FlushPace;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.Topics;

/**
 * Series stage: keyed by normalised title; publishes classified topics keyed by thread id. A title's state is kept
 * one record per thread (key {@code title NUL thread id}, slim drafts), and the full draft of each topic apart under
 * the same key: taking a draft in reads and writes only its own thread's entry, and publishing reads the title's
 * entries and a full draft only for a topic that is published again. A series with dozens of revisions and their
 * notices therefore costs one small record per update, not a rewrite of the whole title.
 *
 * <p>Drafts are taken into state as they come; the titles they touched are published every
 * {@link ClassifyTopology#FLUSH_INTERVAL} (marks in a changelogged store, committed with the input offsets). Thread
 * state publishes a backlog in bursts, and the n revisions of a series arriving in one burst would otherwise publish
 * every older revision again for each newer one. A burst is itself a backlog (drafts written by a flush more than the
 * backlog lag ago, or marked by thread state as made while sources had much to read): the same {@link FlushPace} then
 * holds publication until the burst is read, so that a topic and the revision links that follow its draft by one more
 * repartition go out as one record.
 */
final class SeriesStep implements Processor<String, TopicDraft, String, Routed<ThreadClassified>> {

    static final String STAGE = "classify-service/series";
    private static final Logger LOG = Logger.getLogger(SeriesStep.class);
    private static final char SEPARATOR = '\u0000';
    private static final StringSerializer KEYS = new StringSerializer();

    private final SeriesBook book = new SeriesBook();
    private final ObjectMapper json;
    private final FlushPace pace;
    private final FlushClock clock;
    private final FlushRound round = new FlushRound();
    private ProcessorContext<String, Routed<ThreadClassified>> context;
    private KeyValueStore<String, SeriesState.Entry> store;
    private KeyValueStore<String, ThreadClassified> drafts;
    private KeyValueStore<String, String> dirty;

    SeriesStep(ObjectMapper json, FlushPace pace) {
        this.json = json;
        this.pace = pace;
        this.clock = new FlushClock(pace);
    }

    @Override
    public void init(ProcessorContext<String, Routed<ThreadClassified>> context) {
        this.context = context;
        this.store = context.getStateStore(ClassifyTopology.SERIES_STORE);
        this.drafts = context.getStateStore(ClassifyTopology.SERIES_DRAFT_STORE);
        this.dirty = context.getStateStore(ClassifyTopology.SERIES_DIRTY_STORE);
        context.schedule(pace.interval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, TopicDraft> record) {
        TopicDraft draft = record.value();
        clock.input(record.timestamp(), SourceBacklog.of(record.headers()));
        try {
            String title = record.key();
            // taking a draft in reads and writes only its own thread's entry: the title is read whole when published
            SeriesState state = loadEntry(title, draft.threadId());
            SeriesBook.Update update = book.record(state, draft);
            SeriesState.Entry before = state.entries().get(draft.threadId());
            if (!draft.removed() && draft.topic() && draft.draft() != null) {
                drafts.put(entryKey(title, draft.threadId()), draft.draft());
            } else if (before != null && before.draft().topic()) {
                drafts.delete(entryKey(title, draft.threadId()));
            }
            store(state, update.state());
            for (SeriesBook.Emission e : update.emissions()) {
                context.forward(record.withKey(e.threadId()).withValue(Routed.ok(e.value())));
            }
            if (dirty.get(title) == null) { // marked once until its flush: each mark is a changelog record
                dirty.put(title, "");
            }
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetters.of(Topics.THREAD_CLASSIFIED, draft.threadId(), STAGE, e, record.headers(), bytes(draft));
            LOG.errorf(e, "series stage gave up on %s", draft.threadId());
            context.forward(record.withKey(draft.threadId()).withValue(Routed.dead(letter)));
        }
    }

    private void tick(long now) {
        if (clock.tick(now) && !round.active()) {
            round.start(dirty, -1);
        }
        round.drain(title -> publish(title, now));
    }

    /** Publishes the topics of a title that took drafts since the last flush and changed their records. */
    private void publish(String title, long now) {
        if (dirty.get(title) == null) {
            return;
        }
        try {
            SeriesState state = load(title);
            SeriesBook.Update update = book.publish(state, threadId -> drafts.get(entryKey(title, threadId)));
            store(state, update.state());
            for (SeriesBook.Emission e : update.emissions()) {
                context.forward(new Record<>(e.threadId(), Routed.ok(e.value()), now));
            }
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetters.of(Topics.THREAD_CLASSIFIED, title, STAGE, e, new RecordHeaders(),
                    title.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            LOG.errorf(e, "series stage gave up publishing title %s", title);
            context.forward(new Record<>(title, Routed.dead(letter), now));
        }
        dirty.delete(title);
    }

    /** Writes the entries that changed between two states of one title and deletes those that left. */
    private void store(SeriesState before, SeriesState after) {
        String title = before.titleKey();
        for (Map.Entry<String, SeriesState.Entry> e : after.entries().entrySet()) {
            if (!e.getValue().equals(before.entries().get(e.getKey()))) {
                store.put(entryKey(title, e.getKey()), e.getValue());
            }
        }
        for (String gone : before.entries().keySet()) {
            if (!after.entries().containsKey(gone)) {
                store.delete(entryKey(title, gone));
            }
        }
    }

    private SeriesState load(String title) {
        Map<String, SeriesState.Entry> entries = new HashMap<>();
        try (KeyValueIterator<String, SeriesState.Entry> it = store.prefixScan(title + SEPARATOR, KEYS)) {
            it.forEachRemaining(kv -> entries.put(kv.value.draft().threadId(), kv.value));
        }
        return new SeriesState(title, entries);
    }

    private SeriesState loadEntry(String title, String threadId) {
        SeriesState.Entry entry = store.get(entryKey(title, threadId));
        return new SeriesState(title, entry == null ? Map.of() : Map.of(threadId, entry));
    }

    static String entryKey(String title, String threadId) {
        return title + SEPARATOR + threadId;
    }

    private byte[] bytes(TopicDraft draft) {
        try {
            return json.writeValueAsBytes(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft that was just read cannot be written back", e);
        }
    }
}
