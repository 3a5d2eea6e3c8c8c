package org.loredigest.classify.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;

/**
 * Every topic of some months of the cgroups list, computed once per test JVM through the real topology (the
 * evaluation tests share one run per set of months).
 *
 * @param topics     topics by first activity
 * @param messages   mails fed in
 * @param messageIds Message-IDs of every parsed mail
 */
record CorpusTopics(List<ThreadClassified> topics, int messages, Set<String> messageIds) {

    static final List<String> Q1_2024 = Corpus.Q1_2024;
    /** The held-out months: none of their threads was looked at while the rules were written. */
    static final List<String> Q4_2024 = List.of("cgroups-2024-10.mbox", "cgroups-2024-11.mbox", "cgroups-2024-12.mbox");

    private static final Map<List<String>, CorpusTopics> RUNS = new HashMap<>();

    static synchronized CorpusTopics of(List<String> files) {
        return RUNS.computeIfAbsent(files, CorpusTopics::run);
    }

    Map<String, ThreadClassified> byThreadId() {
        Map<String, ThreadClassified> byId = new HashMap<>();
        topics.forEach(t -> byId.put(t.threadId(), t));
        return byId;
    }

    private static CorpusTopics run(List<String> files) {
        // a backlog read in bursts, as the service meets it after a restart; the final records are the same
        try (TopologyRun run = new TopologyRun(Corpus.maintainers(), 200)) {
            int messages = 0;
            for (String file : files) {
                List<byte[]> mails = Corpus.messages(Corpus.cgroups(file));
                messages += mails.size();
                mails.forEach(raw -> run.send("cgroups", raw));
            }
            Set<String> ids = new HashSet<>();
            run.parsed().readRecordsToList().forEach(r -> ids.add(r.value().messageId()));
            List<ThreadClassified> all = new ArrayList<>(run.topics().values());
            all.sort(Comparator.comparing(ThreadClassified::firstActivity).thenComparing(ThreadClassified::threadId));
            return new CorpusTopics(List.copyOf(all), messages, Set.copyOf(ids));
        }
    }
}
