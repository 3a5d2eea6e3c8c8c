package org.loredigest.classify.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;

/** Every topic of cgroups 2024-01..03, computed once per test JVM through the real topology. */
final class Q1Topics {

    private static List<ThreadClassified> topics;
    private static final Set<String> MESSAGE_IDS = new HashSet<>();
    private static int messages;

    private Q1Topics() {
    }

    static synchronized List<ThreadClassified> get() {
        if (topics == null) {
            try (TopologyRun run = new TopologyRun(Corpus.maintainers())) {
                for (String file : Corpus.Q1_2024) {
                    List<byte[]> mails = Corpus.messages(Corpus.cgroups(file));
                    messages += mails.size();
                    mails.forEach(raw -> run.send("cgroups", raw));
                }
                run.parsed().readRecordsToList().forEach(r -> MESSAGE_IDS.add(r.value().messageId()));
                List<ThreadClassified> all = new ArrayList<>(run.topics().values());
                all.sort(Comparator.comparing(ThreadClassified::firstActivity).thenComparing(ThreadClassified::threadId));
                topics = List.copyOf(all);
            }
        }
        return topics;
    }

    static int messages() {
        get();
        return messages;
    }

    /** Message-IDs of every parsed mail of the quarter. */
    static Set<String> messageIds() {
        get();
        return MESSAGE_IDS;
    }
}
