package org.loredigest.mail.thread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.mail.ParsedMail;

/** One conversation: a tree of messages under a root (the root may be a ghost when the starter was never seen). */
public final class MailThread {

    private final ThreadNode root;
    private final Map<String, ThreadNode> byId = new HashMap<>();

    MailThread(ThreadNode root) {
        this.root = root;
        root.walk(n -> byId.put(n.messageId(), n));
    }

    public ThreadNode root() {
        return root;
    }

    public String rootId() {
        return root.messageId();
    }

    /** The node of a message id in this thread, or {@code null}. */
    public ThreadNode node(String messageId) {
        return byId.get(messageId);
    }

    /** Real messages in thread order (depth-first, siblings by date). */
    public List<ParsedMail> messages() {
        List<ParsedMail> out = new ArrayList<>();
        root.walk(n -> {
            if (!n.ghost()) {
                out.add(n.mail());
            }
        });
        return out;
    }

    public int size() {
        return messages().size();
    }

    /** An indented outline of message ids, for logs and tests. */
    public String outline() {
        StringBuilder sb = new StringBuilder();
        root.walk(n -> sb.append("  ".repeat(n.depth())).append(n.ghost() ? "(missing) " : "").append(n.messageId()).append('\n'));
        return sb.toString();
    }
}
