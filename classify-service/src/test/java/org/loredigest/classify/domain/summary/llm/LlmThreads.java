package org.loredigest.classify.domain.summary.llm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.mail.MailMapping;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.classify.testing.Mails;
import org.loredigest.mail.MailParser;

/** A small real thread (patch, review, reply) parsed as the topology parses it, and a valid model answer for it. */
final class LlmThreads {

    static final String PATCH = "p1@example.org";
    static final String REVIEW = "r1@example.org";

    private LlmThreads() {
    }

    static ThreadView thread() throws Exception {
        MailParser parser = new MailParser();
        List<byte[]> raws = List.of(
                Mails.mail(PATCH, "A Dev <dev@example.org>", "Mon, 4 Mar 2024 10:00:00 +0000",
                        "[PATCH] memcg: fix stale charge after task move", null, null,
                        Mails.patchBody("""
                                When a task moves between memory cgroups while a charge is in flight, the charge stays \
                                with the old cgroup and memory.current of the new one is too low.

                                Charge the folio to the task's current memcg under the move lock.""", "mm/memcontrol.c")),
                Mails.mail(REVIEW, "Rev Iewer <rev@example.org>", "Mon, 4 Mar 2024 12:00:00 +0000",
                        "Re: [PATCH] memcg: fix stale charge after task move", PATCH, PATCH,
                        "> Charge the folio to the task's current memcg under the move lock.\n\n"
                                + "This adds a lock round trip to every charge; please show numbers for a charge-heavy "
                                + "workload.\n"));
        List<ThreadView.Node> nodes = new ArrayList<>();
        for (byte[] raw : raws) {
            var mail = parser.parse(raw, Instant.parse("2024-03-05T00:00:00Z"));
            ThreadMessage m = MailMapping.toThreadMessage(mail.messageId(), "cgroups", mail);
            nodes.add(new ThreadView.Node(m, m.parentId(), m.parentId() == null ? 0 : 1));
        }
        return new ThreadView(PATCH, false, nodes);
    }

    static Classification labels(ThreadView thread) {
        return new ThreadClassifier(Optional.empty()).classify(thread);
    }

    static String field(String zh, String en, String... ids) {
        StringBuilder sb = new StringBuilder("{\"zh\":\"" + zh + "\",\"en\":\"" + en + "\",\"messageIds\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(ids[i]).append('"');
        }
        return sb.append("]}").toString();
    }

    static final String EMPTY = field("", "");

    /** A grounded answer; {@code problemId} lets a test name a message that is not in the thread. */
    static String answer(String problemId) {
        return "{\"headline\":" + field("修复任务迁移后 memcg 计费残留的问题。", "Fixes a stale memcg charge after a task move.", PATCH)
                + ",\"problem\":" + field("任务在计费过程中迁移时，计费留在旧 cgroup。", "A charge in flight during a move stays with the old cgroup.", problemId)
                + ",\"background\":" + EMPTY + ",\"trigger\":" + field("计费与任务迁移并发时。", "A charge racing with a task move.", PATCH)
                + ",\"solution\":" + field("在迁移锁下按任务当前的 memcg 计费。", "Charge the task's current memcg under the move lock.", PATCH)
                + ",\"implementation\":" + EMPTY
                + ",\"caveats\":" + field("评审者担心每次计费多一次加锁，要求给出性能数据。", "A reviewer asks for numbers on the extra lock round trip.", REVIEW)
                + ",\"impactComponents\":" + EMPTY + ",\"impactPerformance\":" + EMPTY + ",\"impactCompatibility\":" + EMPTY
                + ",\"impactUrgency\":" + EMPTY + ",\"keyPoints\":" + EMPTY + "}";
    }
}
