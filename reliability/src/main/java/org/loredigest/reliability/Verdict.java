package org.loredigest.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.loredigest.bench.pipeline.ReadModelState;

/**
 * Judges one run's end state. It fails on any loss or duplicate, measured three ways:
 * <ul>
 *   <li>against the source archives: every Message-ID has as many mail documents as there are different mails
 *       carrying it in the mbox files, and nothing else is indexed;</li>
 *   <li>on the broker: every key is on {@code lore.mail.received} and {@code lore.mail.parsed} exactly once as
 *       committed records, and as many keys as the source has different mails (an overwrite in Elasticsearch hides
 *       a mail published twice; the topic does not);</li>
 *   <li>against the fault-free run: the same mail document ids, the same topic ids, and every topic with the same
 *       message count.</li>
 * </ul>
 * Label differences (type, severity, security, fix status) are listed but do not fail a run.
 *
 * @param failures         what was lost, duplicated or counted differently; empty when the run passes
 * @param labelDifferences topics whose labels differ from the fault-free run's
 */
record Verdict(List<String> failures, List<String> labelDifferences) {

    /** Committed records per key on the two mail topics. */
    record BrokerCounts(Map<String, Integer> received, Map<String, Integer> parsed) {
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** @param faultFree null when judging the fault-free run itself (source and broker only) */
    static Verdict judge(SourceMail source, BrokerCounts broker, ReadModelState actual, ReadModelState faultFree) {
        List<String> failures = new ArrayList<>();
        againstSource(source, actual, failures);
        onTheBroker("lore.mail.received", broker.received(), source.expectedDocuments(), failures);
        onTheBroker("lore.mail.parsed", broker.parsed(), source.expectedDocuments(), failures);
        List<String> labels = new ArrayList<>();
        if (faultFree != null) {
            sameIds("mail document", faultFree.mailIds(), actual.mailIds(), failures);
            sameIds("topic", faultFree.topics().keySet(), actual.topics().keySet(), failures);
            for (var topic : actual.topics().entrySet()) {
                String want = faultFree.topics().get(topic.getKey());
                if (want == null || want.equals(topic.getValue())) {
                    continue;
                }
                String difference = "topic " + topic.getKey() + ": fault-free " + want + ", this run " + topic.getValue();
                if (ReadModelState.messageCount(want) != ReadModelState.messageCount(topic.getValue())) {
                    failures.add("message count differs: " + difference);
                } else {
                    labels.add(difference);
                }
            }
        }
        return new Verdict(failures, labels);
    }

    private static void againstSource(SourceMail source, ReadModelState actual, List<String> failures) {
        Set<String> ids = new TreeSet<>(source.documentsPerMessageId().keySet());
        ids.addAll(actual.documentsPerMessageId().keySet());
        for (String id : ids) {
            int want = source.documentsPerMessageId().getOrDefault(id, 0);
            int got = actual.documentsPerMessageId().getOrDefault(id, 0);
            if (got < want) {
                failures.add("lost: Message-ID " + id + " has " + got + " mail documents, the source " + want + " different mails");
            } else if (got > want) {
                failures.add((want == 0 ? "not in the source: " : "stored twice: ") + "Message-ID " + id + " has " + got
                        + " mail documents, the source " + want + " different mails");
            }
        }
    }

    private static void onTheBroker(String topic, Map<String, Integer> perKey, long expectedKeys, List<String> failures) {
        perKey.forEach((key, count) -> {
            if (count != 1) {
                failures.add("published " + count + " times: key " + key + " on " + topic);
            }
        });
        if (perKey.size() != expectedKeys) {
            failures.add(topic + " holds " + perKey.size() + " keys, the source " + expectedKeys + " different mails");
        }
    }

    private static void sameIds(String what, Set<String> expected, Set<String> actual, List<String> failures) {
        expected.stream().filter(id -> !actual.contains(id)).forEach(id -> failures.add(what + " missing: " + id));
        actual.stream().filter(id -> !expected.contains(id)).forEach(id -> failures.add(what + " extra: " + id));
    }
}
