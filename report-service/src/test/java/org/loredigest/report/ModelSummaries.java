package org.loredigest.report;

import java.time.Instant;
import java.util.List;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.events.ThreadSummarised;

/** Topics with an extractive summary and a language model's answer for them, for report-service tests. */
public final class ModelSummaries {

    public static final String PROBLEM_ZH = "任务在计费过程中迁移时，计费留在旧 cgroup，新 cgroup 的 memory.current 偏低。";
    public static final String PROBLEM_EN = "A charge in flight during a task move stays with the old cgroup.";

    private ModelSummaries() {
    }

    /** A classified topic whose extractive summary was made from content with this hash. */
    public static ThreadClassified extractiveTopic(String id, String contentHash) {
        return extractiveTopic(id, "memcg: fix stale charge after task move", contentHash);
    }

    /** As above with its own subject: topics sharing a subject are one series in a digest. */
    public static ThreadClassified extractiveTopic(String id, String subject, String contentHash) {
        ThreadClassified t = ClassifiedTopics.topic(id, "cgroups", subject, "patch",
                "medium", "proposed", Instant.parse("2024-03-05T10:00:00Z"), 3);
        var tree = EventJson.mapper().valueToTree(t);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("summary")).put("contentHash", contentHash);
        return EventJson.mapper().convertValue(tree, ThreadClassified.class);
    }

    public static ThreadSummarised answer(String id, String contentHash) {
        SummaryField problem = SummaryField.grounded(PROBLEM_EN, PROBLEM_ZH, List.of(id, "review-" + id), "llm");
        SummaryField solution = SummaryField.grounded("Charge the task's current memcg under the move lock.",
                "在迁移锁保护下按任务当前所属的 memcg 计费。", List.of(id), "llm");
        SummaryField none = SummaryField.none();
        Summary summary = new Summary("llm:deepseek-chat", solution, problem, none, none, solution, none, none, none,
                none, none, none, none, contentHash);
        return new ThreadSummarised(id, contentHash, summary, "deepseek-chat", List.of(), 900, 300,
                Instant.parse("2024-03-05T11:00:00Z"));
    }
}
