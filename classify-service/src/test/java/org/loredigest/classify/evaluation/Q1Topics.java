package org.loredigest.classify.evaluation;

import java.util.List;
import java.util.Set;
import org.loredigest.events.ThreadClassified;

/** Every topic of cgroups 2024-01..03 (the set the rules were written against), computed once per test JVM. */
final class Q1Topics {

    private Q1Topics() {
    }

    static List<ThreadClassified> get() {
        return CorpusTopics.of(CorpusTopics.Q1_2024).topics();
    }

    static int messages() {
        return CorpusTopics.of(CorpusTopics.Q1_2024).messages();
    }

    /** Message-IDs of every parsed mail of the quarter. */
    static Set<String> messageIds() {
        return CorpusTopics.of(CorpusTopics.Q1_2024).messageIds();
    }
}
