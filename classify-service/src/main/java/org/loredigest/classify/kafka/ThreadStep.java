package org.loredigest.classify.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.Bucket;
import org.loredigest.classify.domain.thread.FlushClock;
import org.loredigest.classify.domain.thread.FlushPace;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.domain.thread.ThreadInput;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.Topics;

/**
 * Thread state. Input is keyed by bucket (the oldest reference). A message is stored on its own (key
 * {@code bucket NUL record-key}, so adding one costs one small write, not a rewrite of the thread) and marks its bucket
 * dirty; every interval of the {@link FlushPace} (1 s live; up to 60 s while a backlog is read) the dirty buckets are
 * re-threaded and the drafts of the topics that changed go out keyed by title for the series stage. Messages of one
 * thread that arrive between two flushes are therefore classified once, and the published record reflects all of them.
 *
 * <p>The dirty marks live in a changelogged store: they commit atomically with the input offsets, so a crash between
 * a commit and the next flush loses no publication. A bucket opened by replies naming only their direct parent lives
 * on the partition of that parent's id, not of the thread's root. When the parent arrives (in its root's bucket), a
 * {@link ThreadInput#joins} notice goes to the early bucket's partition through {@link Topics#THREAD_REROUTED}; the
 * early bucket's messages and publications travel back the same way and later replies naming only the parent follow.
 * So where a thread ends up never depends on which partition saw which mail first.
 */
final class ThreadStep implements Processor<String, ThreadInput, String, ThreadStep.Output> {

    static final String STAGE = "classify-service/thread";
    private static final Logger LOG = Logger.getLogger(ThreadStep.class);
    private static final char SEPARATOR = '\u0000';

    /** A draft (or dead letter) for the series stage, or an input for another bucket (key: that bucket). */
    record Output(Routed<TopicDraft> draft, ThreadInput rerouted) {
    }

    private final ThreadBook book;
    private final ObjectMapper json;
    private final FlushPace pace;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, Bucket> published;
    private KeyValueStore<String, String> bucketOf;
    private KeyValueStore<String, ThreadMessage> messages;
    private KeyValueStore<String, String> dirty;

    private final FlushClock clock;
    private final FlushRound round = new FlushRound();

    ThreadStep(ThreadBook book, ObjectMapper json, FlushPace pace) {
        this.book = book;
        this.json = json;
        this.pace = pace;
        this.clock = new FlushClock(pace);
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.published = context.getStateStore(ClassifyTopology.BUCKET_STORE);
        this.bucketOf = context.getStateStore(ClassifyTopology.BUCKET_INDEX_STORE);
        this.messages = context.getStateStore(ClassifyTopology.MESSAGE_STORE);
        this.dirty = context.getStateStore(ClassifyTopology.DIRTY_STORE);
        context.schedule(pace.interval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, ThreadInput> record) {
        ThreadInput input = record.value();
        clock.input(record.timestamp(), SourceBacklog.of(record.headers()));
        if (input.joins() != null) {
            join(record, input);
        } else if (input.published() != null) {
            adopt(record, input);
        } else {
            add(record, input);
        }
    }

    private void add(Record<String, ThreadInput> record, ThreadInput input) {
        ThreadMessage message = input.message();
        try {
            String key = record.key();
            String known = bucketOf.get(key);
            if (known != null && !known.equals(key) && input.mayReroute()) {
                // a reply naming only a parent whose thread lives in another bucket: send it there
                reroute(record, known, input.rerouted());
                return;
            }
            if (messages.get(messageKey(key, message.key())) != null) {
                return; // re-delivery: nothing changes
            }
            messages.put(messageKey(key, message.key()), message);
            // Replies name Message-IDs: only the mail holding an id answers for it (not another mail reusing it). A
            // reply naming only this message is keyed by its id, so the index entry belongs on that id's partition:
            // the join notice writes it there, and moves a bucket that such replies opened before this message came.
            if (message.holdsMessageId() && !key.equals(message.messageId())) {
                reroute(record, message.messageId(), ThreadInput.joins(key));
            }
            markDirty(key);
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetters.of(Topics.THREAD_CLASSIFIED, message.key(), STAGE, e, record.headers(), bytes(message));
            LOG.errorf(e, "thread state gave up on %s", message.messageId());
            context.forward(record.withKey(message.key()).withValue(new Output(Routed.dead(letter), null)));
        }
    }

    /** The bucket named by the record key belongs under {@code input.joins()}: moves what it holds there. */
    private void join(Record<String, ThreadInput> record, ThreadInput input) {
        String early = record.key();
        String target = input.joins();
        if (early.equals(target) || !input.mayReroute()) {
            return;
        }
        bucketOf.put(early, target);
        if (dirty.get(early) == null && published.get(early) == null) {
            // nothing was ever added here, the common case (no reply came before its parent): a bucket that holds
            // messages is marked dirty until its flush, and has a published record from then on (see publish)
            return;
        }
        for (ThreadMessage m : load(early)) {
            messages.delete(messageKey(early, m.key()));
            if (m.holdsMessageId()) {
                bucketOf.put(m.messageId(), target);
            }
            reroute(record, target, new ThreadInput(m, null, null, input.hops() + 1));
        }
        Bucket before = published.get(early);
        if (before != null) {
            // its topics become the target's: the target's next flush removes those that vanished
            reroute(record, target, new ThreadInput(null, null, before.published(), input.hops() + 1));
            published.delete(early);
        }
        dirty.delete(early);
    }

    private void adopt(Record<String, ThreadInput> record, ThreadInput input) {
        String key = record.key();
        String known = bucketOf.get(key);
        if (known != null && !known.equals(key) && input.mayReroute()) {
            // this bucket joined another one meanwhile: what it would have adopted belongs there
            reroute(record, known, input.rerouted());
            return;
        }
        Map<String, Bucket.Published> handedOver = input.published();
        Bucket before = published.get(key);
        ThreadBook.Adoption adoption = ThreadBook.adopt(before == null ? Map.of() : before.published(), handedOver);
        published.put(key, new Bucket(key, List.of(), adoption.published()));
        markDirty(key);
        for (TopicDraft draft : adoption.drafts()) {
            context.forward(record.withKey(draft.titleKey()).withValue(new Output(Routed.ok(draft), null)));
        }
    }

    /** A bucket already marked stays marked until its flush: marking it again would only add a changelog record. */
    private void markDirty(String key) {
        if (dirty.get(key) == null) {
            dirty.put(key, "");
        }
    }

    private void reroute(Record<String, ThreadInput> record, String bucket, ThreadInput input) {
        context.forward(record.withKey(bucket).withValue(new Output(null, input)));
    }

    /** Publishes now, or defers while a backlog is read (see {@link FlushPace}). */
    private void tick(long now) {
        if (clock.tick(now) && !round.active()) {
            round.start(dirty, clock.backlogOfLastFlush());
        }
        round.drain(key -> publish(key, now));
    }

    /**
     * Publishes the drafts of one bucket that changed since the last flush. A flush forced during a backlog passes the
     * sources' backlog on ({@link MailHeaders#SOURCE_BACKLOG}), so that the series stage waits for the whole burst.
     */
    private void publish(String key, long now) {
        if (dirty.get(key) == null) {
            return; // joined another bucket since the round started
        }
        try {
            Bucket before = published.get(key);
            Map<String, Bucket.Published> seen = before == null ? Map.of() : before.published();
            ThreadBook.Update update = book.republish(new Bucket(key, load(key), seen));
            published.put(key, new Bucket(key, List.of(), update.bucket().published()));
            for (TopicDraft draft : update.drafts()) {
                context.forward(new Record<>(draft.titleKey(), new Output(Routed.ok(draft), null), now, round.headers()));
            }
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetters.of(Topics.THREAD_CLASSIFIED, key, STAGE, e, new RecordHeaders(),
                    key.getBytes(StandardCharsets.UTF_8));
            LOG.errorf(e, "thread state gave up on bucket %s", key);
            context.forward(new Record<>(key, new Output(Routed.dead(letter), null), now));
            if (published.get(key) == null) {
                published.put(key, new Bucket(key, List.of(), Map.of())); // it holds messages: see join
            }
        }
        dirty.delete(key);
    }

    /** The bucket's messages, in store order (the assembler orders them by date itself). */
    private List<ThreadMessage> load(String bucketKey) {
        List<ThreadMessage> out = new ArrayList<>();
        try (KeyValueIterator<String, ThreadMessage> it = messages.prefixScan(bucketKey + SEPARATOR, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, ThreadMessage> kv = it.next();
                out.add(kv.value);
            }
        }
        return out;
    }

    static String messageKey(String bucketKey, String recordKey) {
        return bucketKey + SEPARATOR + recordKey;
    }

    private byte[] bytes(ThreadMessage message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a thread message that was just read cannot be written back", e);
        }
    }
}
