package org.loredigest.classify.domain.thread;

import java.util.List;
import java.util.Map;
import org.loredigest.classify.domain.mail.ThreadMessage;

/**
 * Thread state: every message that shares one oldest reference (the thread root, seen or not), and what was last
 * published for each topic cut from them. Value of the {@code thread-buckets} state store, keyed by {@link #key()}.
 *
 * @param key       the oldest reference of the messages (the root's Message-ID)
 * @param messages  the messages, in arrival order
 * @param published per thread id: publication count, title key and message fingerprint of the last draft
 */
public record Bucket(String key, List<ThreadMessage> messages, Map<String, Published> published) {

    public Bucket {
        messages = List.copyOf(messages);
        published = Map.copyOf(published);
    }

    public static Bucket empty(String key) {
        return new Bucket(key, List.of(), Map.of());
    }

    /**
     * @param sequence    how many drafts were published for the thread id
     * @param titleKey    where the draft went to meet other revisions (the series stage's key)
     * @param fingerprint the message ids of the thread when it was published
     */
    public record Published(long sequence, String titleKey, String fingerprint) {
    }
}
