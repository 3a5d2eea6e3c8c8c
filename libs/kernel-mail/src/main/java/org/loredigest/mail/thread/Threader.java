package org.loredigest.mail.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loredigest.mail.ParsedMail;

/**
 * Jamie Zawinski's threading algorithm over References and In-Reply-To, as public-inbox uses it.
 *
 * <ul>
 *   <li>Every referenced id gets a node; ids never seen stay as ghosts.</li>
 *   <li>Consecutive References entries are linked parent to child unless the child already has a parent or the
 *       link would make a loop; a message's own last reference then overrides any guessed parent.</li>
 *   <li>Ghosts without children are dropped; a ghost with one child is replaced by it; a ghost root with several
 *       children is kept so that siblings stay together.</li>
 * </ul>
 *
 * Messages are processed in (date, Message-ID) order, so the result does not depend on arrival order; the first
 * of two messages with the same Message-ID wins.
 */
public final class Threader {

    private static final Comparator<ParsedMail> PROCESSING_ORDER = Comparator
            .comparing(ParsedMail::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ParsedMail::messageId);

    private Threader() {
    }

    public static List<MailThread> thread(Collection<ParsedMail> mails) {
        List<ParsedMail> ordered = new ArrayList<>(mails);
        ordered.sort(PROCESSING_ORDER);
        Map<String, ThreadNode> nodes = new LinkedHashMap<>();
        for (ParsedMail mail : ordered) {
            ThreadNode node = nodes.computeIfAbsent(mail.messageId(), ThreadNode::new);
            if (!node.ghost()) {
                continue; // duplicate Message-ID
            }
            node.setMail(mail);
            List<String> refs = mail.threadReferences();
            ThreadNode previous = null;
            for (String ref : refs) {
                ThreadNode current = nodes.computeIfAbsent(ref, ThreadNode::new);
                if (previous != null && current.parent() == null && current != previous && !current.isAncestorOf(previous)) {
                    current.attachTo(previous);
                }
                previous = current;
            }
            if (previous != null && previous != node && !node.isAncestorOf(previous)) {
                node.attachTo(previous);
            } else if (previous != null && node.parent() != null && node.parent() != previous) {
                node.detach();
            }
        }
        List<ThreadNode> roots = new ArrayList<>();
        for (ThreadNode n : nodes.values()) {
            if (n.parent() == null) {
                roots.add(n);
            }
        }
        List<MailThread> threads = new ArrayList<>();
        for (ThreadNode root : roots) {
            ThreadNode pruned = pruneRoot(root);
            if (pruned != null) {
                sortChildren(pruned);
                threads.add(new MailThread(pruned));
            }
        }
        threads.sort(Comparator.comparing((MailThread t) -> t.root().sortDate(), Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(MailThread::rootId));
        return threads;
    }

    private static ThreadNode pruneRoot(ThreadNode root) {
        pruneChildren(root);
        if (!root.ghost()) {
            return root;
        }
        List<ThreadNode> kids = root.mutableChildren();
        if (kids.isEmpty()) {
            return null;
        }
        if (kids.size() == 1) {
            ThreadNode only = kids.get(0);
            kids.clear();
            only.clearParent();
            return only;
        }
        return root;
    }

    /** Replaces ghost children by their own children (and drops childless ghosts), recursively. */
    private static void pruneChildren(ThreadNode node) {
        List<ThreadNode> kids = node.mutableChildren();
        for (int i = 0; i < kids.size(); i++) {
            ThreadNode child = kids.get(i);
            pruneChildren(child);
            if (child.ghost()) {
                List<ThreadNode> grandchildren = new ArrayList<>(child.mutableChildren());
                child.mutableChildren().clear();
                kids.remove(i);
                for (ThreadNode g : grandchildren) {
                    g.setParentField(node);
                }
                kids.addAll(i, grandchildren);
                i += grandchildren.size() - 1;
            }
        }
    }

    private static void sortChildren(ThreadNode node) {
        node.mutableChildren().sort(Comparator.comparing(ThreadNode::sortDate, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(ThreadNode::messageId));
        for (ThreadNode child : node.mutableChildren()) {
            sortChildren(child);
        }
    }
}
