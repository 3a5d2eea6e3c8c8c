package org.loredigest.classify.domain.thread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.classify.domain.mail.ThreadMessage;

/**
 * Threads the messages of one bucket (everything that shares the oldest reference) and cuts it into topics.
 *
 * <p>Each message hangs below its nearest ancestor that has been seen (References from the newest end), so a
 * message that arrived before its parent moves under it as soon as the parent shows up; messages whose ancestors
 * are all unseen share a ghost root named by their oldest reference. The order of arrival never matters: messages
 * are processed by (date, Message-ID, key).
 *
 * <p>A message is known by its record key, not by its Message-ID: two different mails that share a Message-ID (the
 * second keyed by its content digest) are two messages of the thread. References name Message-IDs; a reference to a
 * shared id leads to the mail that holds it (the one keyed by it), else to the earliest mail carrying it.
 *
 * <p>A patch posting whose version differs from the posting it answers starts a topic of its own (a v2 sent as a
 * reply to v1): that posting and its replies, minus later revisions.
 */
public final class ThreadAssembler {

    private static final Comparator<ThreadMessage> ORDER = Comparator.comparing(ThreadMessage::date)
            .thenComparing(ThreadMessage::messageId).thenComparing(ThreadMessage::key);

    private ThreadAssembler() {
    }

    public static List<ThreadView> assemble(List<ThreadMessage> messages) {
        Map<String, ThreadMessage> byKey = new LinkedHashMap<>();
        messages.stream().sorted(ORDER).forEach(m -> byKey.putIfAbsent(m.key(), m));
        Map<String, String> keyOfId = new HashMap<>(); // Message-ID -> key of the mail a reference to it means
        for (ThreadMessage m : byKey.values()) {
            if (m.holdsMessageId()) {
                keyOfId.put(m.messageId(), m.key());
            } else {
                keyOfId.putIfAbsent(m.messageId(), m.key());
            }
        }

        Map<String, String> parent = new HashMap<>();
        for (ThreadMessage m : byKey.values()) {
            parent.put(m.key(), knownAncestor(m, keyOfId, parent));
        }
        Map<String, List<ThreadMessage>> children = new HashMap<>();
        Map<String, List<ThreadMessage>> tops = new LinkedHashMap<>(); // top id (real or ghost) -> top-level messages
        for (ThreadMessage m : byKey.values()) {
            String p = parent.get(m.key());
            if (p != null) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(m);
            } else {
                String top = m.references().isEmpty() ? m.key() : m.references().get(0);
                tops.computeIfAbsent(top, k -> new ArrayList<>()).add(m);
            }
        }
        List<ThreadView> views = new ArrayList<>();
        for (Map.Entry<String, List<ThreadMessage>> top : tops.entrySet()) {
            boolean ghost = !byKey.containsKey(top.getKey()) && !keyOfId.containsKey(top.getKey());
            List<ThreadView.Node> nodes = new ArrayList<>();
            List<ThreadMessage> cuts = new ArrayList<>();
            for (ThreadMessage m : top.getValue()) {
                walk(m, null, 0, null, children, nodes, cuts);
            }
            views.add(new ThreadView(top.getKey(), ghost, nodes));
            // cuts found while walking a cut's subtree are collected into the same list
            for (int i = 0; i < cuts.size(); i++) {
                ThreadMessage head = cuts.get(i);
                List<ThreadView.Node> cutNodes = new ArrayList<>();
                List<ThreadMessage> nested = new ArrayList<>();
                walk(head, null, 0, null, children, cutNodes, nested, true);
                cuts.addAll(nested);
                views.add(new ThreadView(head.key(), false, cutNodes));
            }
        }
        return views;
    }

    private static void walk(ThreadMessage m, String parentKey, int depth, ThreadMessage posting,
                             Map<String, List<ThreadMessage>> children, List<ThreadView.Node> out, List<ThreadMessage> cuts) {
        walk(m, parentKey, depth, posting, children, out, cuts, false);
    }

    private static void walk(ThreadMessage m, String parentKey, int depth, ThreadMessage posting,
                             Map<String, List<ThreadMessage>> children, List<ThreadView.Node> out, List<ThreadMessage> cuts,
                             boolean head) {
        if (!head && posting != null && startsRevision(m, posting)) {
            cuts.add(m);
            return;
        }
        out.add(new ThreadView.Node(m, parentKey, depth));
        ThreadMessage nextPosting = m.patchPosting() ? m : posting;
        for (ThreadMessage child : children.getOrDefault(m.key(), List.of())) {
            walk(child, m.key(), depth + 1, nextPosting, children, out, cuts, false);
        }
    }

    /** A posting of another version than the posting it answers. */
    static boolean startsRevision(ThreadMessage m, ThreadMessage posting) {
        return m.patchPosting() && (m.version() != posting.version() || m.rfc() != posting.rfc() && m.versionExplicit());
    }

    /** The key of the nearest reference that is a message of this bucket, avoiding loops; {@code null} when none is. */
    private static String knownAncestor(ThreadMessage m, Map<String, String> keyOfId, Map<String, String> parent) {
        List<String> refs = m.references();
        for (int i = refs.size() - 1; i >= 0; i--) {
            String ref = keyOfId.get(refs.get(i));
            if (ref != null && !ref.equals(m.key()) && !descendsFrom(ref, m.key(), parent)) {
                return ref;
            }
        }
        return null;
    }

    private static boolean descendsFrom(String id, String ancestor, Map<String, String> parent) {
        Set<String> seen = new HashSet<>();
        for (String n = id; n != null && seen.add(n); n = parent.get(n)) {
            if (n.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Keys of a view's messages, for detecting which topics a new message changed. */
    public static Set<String> ids(ThreadView view) {
        Set<String> ids = new LinkedHashSet<>();
        view.nodes().forEach(n -> ids.add(n.message().key()));
        return ids;
    }
}
