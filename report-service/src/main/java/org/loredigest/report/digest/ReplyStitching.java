package org.loredigest.report.digest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.MessageActivity;

/**
 * Topics that continue another one: a topic whose first mail is a reply to a mail of another topic. classify-service
 * files such a reply apart when its References were cut short (they name only mails that reached the list later or
 * on another partition's path); the digest shows it with the topic it answers, as lore threads it.
 */
final class ReplyStitching {

    private static final Set<String> REPLIES = Set.of(MessageActivity.REPLY, MessageActivity.REVIEW);

    private ReplyStitching() {
    }

    /** Thread id → thread id of the topic it continues, for the topics that continue another one. */
    static Map<String, String> continued(Collection<ThreadClassified> topics) {
        Map<String, String> topicOfMail = new HashMap<>();
        for (ThreadClassified t : topics) {
            t.activity().forEach(a -> topicOfMail.putIfAbsent(a.messageId(), t.threadId()));
        }
        Map<String, String> out = new HashMap<>();
        for (ThreadClassified t : topics) {
            MessageActivity first = first(t);
            if (first == null || !REPLIES.contains(first.role()) || first.parentId() == null) {
                continue;
            }
            String other = topicOfMail.get(first.parentId());
            if (other != null && !other.equals(t.threadId())) {
                out.put(t.threadId(), other);
            }
        }
        return out;
    }

    /** The topic's root mail, or its earliest when the root was never seen. */
    private static MessageActivity first(ThreadClassified t) {
        for (MessageActivity a : t.activity()) {
            if (a.messageId().equals(t.rootMessageId())) {
                return a;
            }
        }
        return t.activity().isEmpty() ? null : t.activity().get(0);
    }
}
