package org.loredigest.mail.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.loredigest.mail.ParsedMail;

/**
 * A place in a thread: a message, or a ghost standing in for a message that is referenced but was never seen
 * (JWZ's "empty container").
 */
public final class ThreadNode {

    private final String messageId;
    private ParsedMail mail;
    private ThreadNode parent;
    private final List<ThreadNode> children = new ArrayList<>(2);

    ThreadNode(String messageId) {
        this.messageId = messageId;
    }

    public String messageId() {
        return messageId;
    }

    /** The message, or {@code null} for a ghost. */
    public ParsedMail mail() {
        return mail;
    }

    public boolean ghost() {
        return mail == null;
    }

    public ThreadNode parent() {
        return parent;
    }

    public List<ThreadNode> children() {
        return Collections.unmodifiableList(children);
    }

    public int depth() {
        int d = 0;
        for (ThreadNode n = parent; n != null; n = n.parent) {
            d++;
        }
        return d;
    }

    /** The nearest ancestor that is a real message, or {@code null}. */
    public ThreadNode realParent() {
        ThreadNode n = parent;
        while (n != null && n.ghost()) {
            n = n.parent;
        }
        return n;
    }

    /** Depth-first, parents before children, children in date order. */
    public void walk(Consumer<ThreadNode> visitor) {
        visitor.accept(this);
        for (ThreadNode child : children) {
            child.walk(visitor);
        }
    }

    /** The date used to order siblings: the message's date, or the earliest date below a ghost. */
    Instant sortDate() {
        if (mail != null) {
            return mail.date();
        }
        Instant earliest = null;
        for (ThreadNode c : children) {
            Instant d = c.sortDate();
            if (d != null && (earliest == null || d.isBefore(earliest))) {
                earliest = d;
            }
        }
        return earliest;
    }

    void setMail(ParsedMail mail) {
        this.mail = mail;
    }

    boolean isAncestorOf(ThreadNode other) {
        for (ThreadNode n = other; n != null; n = n.parent) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    void attachTo(ThreadNode newParent) {
        if (parent != null) {
            parent.children.remove(this);
        }
        parent = newParent;
        if (newParent != null) {
            newParent.children.add(this);
        }
    }

    void detach() {
        attachTo(null);
    }

    List<ThreadNode> mutableChildren() {
        return children;
    }

    void clearParent() {
        parent = null;
    }

    void setParentField(ThreadNode p) {
        parent = p;
    }
}
