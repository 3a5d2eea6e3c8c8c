package org.loredigest.classify.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.Bucket;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.Topics;

/**
 * Thread state. Input is keyed by bucket (the oldest reference); the message joins its bucket, and the drafts of
 * the topics it changed go out keyed by title for the series stage. A bucket that was opened by replies naming only
 * their direct parent is folded into the parent's bucket when the parent arrives.
 */
final class ThreadStep implements Processor<String, ThreadMessage, String, Routed<TopicDraft>> {

    static final String STAGE = "classify-service/thread";
    private static final Logger LOG = Logger.getLogger(ThreadStep.class);

    private final ThreadBook book;
    private final ObjectMapper json;
    private ProcessorContext<String, Routed<TopicDraft>> context;
    private KeyValueStore<String, Bucket> buckets;
    private KeyValueStore<String, String> bucketOf;

    ThreadStep(ThreadBook book, ObjectMapper json) {
        this.book = book;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, Routed<TopicDraft>> context) {
        this.context = context;
        this.buckets = context.getStateStore(ClassifyTopology.BUCKET_STORE);
        this.bucketOf = context.getStateStore(ClassifyTopology.BUCKET_INDEX_STORE);
    }

    @Override
    public void process(Record<String, ThreadMessage> record) {
        ThreadMessage message = record.value();
        try {
            // a reply naming only its parent lands in a bucket named after the parent: use the parent's real bucket
            String key = record.key();
            String known = bucketOf.get(key);
            if (known != null) {
                key = known;
            }
            Bucket bucket = buckets.get(key);
            ThreadBook.Update update = book.add(bucket == null ? Bucket.empty(key) : bucket, message);
            if (!key.equals(message.messageId())) {
                Bucket early = buckets.get(message.messageId());
                if (early != null) {
                    update = book.absorb(update.bucket(), early);
                    buckets.delete(message.messageId());
                    String target = key;
                    early.messages().forEach(m -> bucketOf.put(m.messageId(), target));
                }
            }
            buckets.put(key, update.bucket());
            bucketOf.put(message.messageId(), key);
            for (TopicDraft draft : update.drafts()) {
                context.forward(record.withKey(draft.titleKey()).withValue(Routed.ok(draft)));
            }
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetters.of(Topics.THREAD_CLASSIFIED, message.key(), STAGE, e, record.headers(), bytes(message));
            LOG.errorf(e, "thread state gave up on %s", message.messageId());
            context.forward(record.withKey(message.key()).withValue(Routed.dead(letter)));
        }
    }

    private byte[] bytes(ThreadMessage message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a thread message that was just read cannot be written back", e);
        }
    }
}
