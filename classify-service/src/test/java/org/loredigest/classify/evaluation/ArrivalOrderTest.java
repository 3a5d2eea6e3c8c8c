package org.loredigest.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;

/**
 * ingest-service publishes to several partitions, so the same mail reaches thread state in a different order in every
 * run. One real month in five orders (file order, reversed, three seeded shuffles) must give the same topics: the
 * same thread ids and, per topic, the same message count, type and fix status. The month is read once; every order
 * reuses the same mails. MAINTAINERS is left out: subsystems are not compared, and loading it costs more than a run.
 */
class ArrivalOrderTest {

    /** Mails between two flushes: a backlog arriving in bursts, as after a restart. */
    static final int BURST = 40;
    /** Other orders are flushed at other paces too: after every mail, and in small bursts. */
    static final int[] PACES = {1, 7, BURST};

    static List<byte[]> month;
    static Map<String, String> fileOrder;

    @BeforeAll
    static void readTheMonthOnce() {
        month = Corpus.messages(Corpus.cgroups(System.getProperty("arrival.month", "cgroups-2024-03.mbox")));
        fileOrder = topics(month, BURST);
    }

    @Test
    void fileOrderGivesTopics() {
        assertThat(fileOrder).hasSizeGreaterThan(20);
    }

    @Test
    void reversedOrderGivesTheSameTopics() {
        List<byte[]> reversed = new ArrayList<>(month);
        Collections.reverse(reversed);
        assertSame("reversed", topics(reversed, 1));
    }

    @Test
    void shuffledOrdersGiveTheSameTopics() {
        for (int seed = 1; seed <= 3; seed++) {
            List<byte[]> shuffled = new ArrayList<>(month);
            Collections.shuffle(shuffled, new Random(seed));
            assertSame("seed " + seed, topics(shuffled, PACES[seed - 1]));
        }
    }

    /** Lists every topic that differs from file order, so a failure names the threads to look at. */
    static void assertSame(String order, Map<String, String> topics) {
        Map<String, String> differences = new TreeMap<>();
        for (String id : union(topics.keySet(), fileOrder.keySet())) {
            if (!java.util.Objects.equals(topics.get(id), fileOrder.get(id))) {
                differences.put(id, fileOrder.get(id) + " | " + topics.get(id));
            }
        }
        assertThat(differences).as("%s: topic (file order | %s)", order, order).isEmpty();
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new java.util.TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    /** Thread id → "messages type fix-status" of every topic. */
    static Map<String, String> topics(List<byte[]> mails, int pace) {
        try (TopologyRun run = new TopologyRun(Optional.empty(), pace)) {
            mails.forEach(raw -> run.send("cgroups", raw));
            Map<String, String> out = new TreeMap<>();
            for (ThreadClassified t : run.topics().values()) {
                out.put(t.threadId(), t.messageCount() + " " + t.type().value() + " " + t.fixStatus().value());
            }
            return out;
        }
    }
}
