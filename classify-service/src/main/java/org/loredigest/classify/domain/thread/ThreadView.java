package org.loredigest.classify.domain.thread;

import java.util.List;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.mail.ThreadMessage;

/**
 * One topic's messages in thread order.
 *
 * @param threadId    the root's key (its Message-ID unless another mail holds that id), the Message-ID of a root
 *                    that was referenced but never seen, or the key of the cut revision's first message
 * @param rootMissing the root was referenced but never seen
 * @param nodes       messages depth-first, parents before children, siblings by date
 */
public record ThreadView(String threadId, boolean rootMissing, List<Node> nodes) {

    public ThreadView {
        nodes = List.copyOf(nodes);
    }

    /**
     * @param message   the message
     * @param parentKey the key of the nearest real ancestor inside this thread, or {@code null} for the top
     * @param depth     0 for the top
     */
    public record Node(ThreadMessage message, String parentKey, int depth) {
    }

    public List<ThreadMessage> messages() {
        return nodes.stream().map(Node::message).toList();
    }

    /** The first message: the root, or the earliest message under a missing root. */
    public ThreadMessage first() {
        return nodes.get(0).message();
    }

    /** The Message-ID of the root: a missing root's id, else the first message's (which a key may differ from). */
    public String rootMessageId() {
        return rootMissing ? threadId : first().messageId();
    }

    /** The message with this key, or {@code null}. */
    public ThreadMessage message(String key) {
        Node n = node(key);
        return n == null ? null : n.message();
    }

    /** The node of the message with this key, or {@code null}. */
    public Node node(String key) {
        for (Node n : nodes) {
            if (n.message().key().equals(key)) {
                return n;
            }
        }
        return null;
    }

    /** Spam and list commands ({@code subscribe} sent to the list instead of the list server): never a topic. */
    public boolean noiseOnly() {
        return nodes.stream().allMatch(n -> "SPAM".equals(n.message().kind())
                || LIST_COMMAND.matcher(n.message().subject()).matches());
    }

    private static final Pattern LIST_COMMAND = Pattern.compile(
            "(?i)^\\s*(?:re:\\s*)?(?:un)?subscribe(?:\\s+\\S+)?\\s*$");

    /** Every author is a bot. */
    public boolean botsOnly() {
        return nodes.stream().allMatch(n -> n.message().fromBot());
    }
}
