package org.loredigest.classify.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.mail.MailMapping;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadAssembler;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;
import org.loredigest.mail.MailParser;

/**
 * Every topic of some mboxes of one list, computed once per test JVM through the real topology (the evaluation tests
 * share one run per feed).
 *
 * @param feed       the list and the mboxes fed, in order
 * @param topics     topics by first activity
 * @param messages   mails fed in
 * @param messageIds Message-IDs of every parsed mail
 */
record CorpusTopics(Feed feed, List<ThreadClassified> topics, int messages, Set<String> messageIds) {

    /** A list name (as ingest-service sends it) and mbox files of that list. */
    record Feed(String list, List<Path> mboxes) {
    }

    static final List<String> Q1_2024 = Corpus.Q1_2024;
    /** The held-out months: none of their threads was looked at while the rules were written. */
    static final List<String> Q4_2024 = List.of("cgroups-2024-10.mbox", "cgroups-2024-11.mbox", "cgroups-2024-12.mbox");

    private static final Map<Feed, CorpusTopics> RUNS = new HashMap<>();

    /** Months of the cgroups list. */
    static CorpusTopics of(List<String> cgroupsFiles) {
        return of(new Feed("cgroups", cgroupsFiles.stream().map(Corpus::cgroups).toList()));
    }

    static synchronized CorpusTopics of(Feed feed) {
        return RUNS.computeIfAbsent(feed, CorpusTopics::run);
    }

    Map<String, ThreadClassified> byThreadId() {
        Map<String, ThreadClassified> byId = new HashMap<>();
        topics.forEach(t -> byId.put(t.threadId(), t));
        return byId;
    }

    /**
     * The labels of each thread id: the published topic, or, for a thread the topology does not publish as a topic
     * (a bot-only bug report, which enriches nothing here), {@link ThreadClassifier} run directly on the thread as
     * the topology would assemble it. Once bot reports are published as topics, the fallback is no longer used. A
     * labelled root whose own parent never arrived (a mailer's dangling References) is found under the ghost id.
     */
    Map<String, Outcome> outcomes(Collection<String> threadIds) {
        Map<String, ThreadClassified> published = byThreadId();
        Map<String, Outcome> out = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String id : threadIds) {
            ThreadClassified t = published.get(id);
            if (t != null) {
                out.put(id, Outcome.of(t));
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            ThreadClassifier classifier = new ThreadClassifier(Corpus.maintainers());
            for (ThreadView view : assembleAll()) {
                // a thread under a root that never arrived is published under the ghost root's id
                String id = missing.contains(view.threadId()) ? view.threadId()
                        : missing.contains(view.first().messageId()) ? view.first().messageId() : null;
                if (id == null) {
                    continue;
                }
                ThreadClassified topic = published.get(view.threadId());
                out.put(id, topic != null ? Outcome.of(topic) : Outcome.direct(classifier.classify(view)));
            }
        }
        return out;
    }

    private List<ThreadView> assembleAll() {
        MailParser parser = new MailParser();
        List<ThreadMessage> messages = new ArrayList<>();
        for (Path mbox : feed.mboxes()) {
            for (byte[] raw : Corpus.messages(mbox)) {
                if (MailParser.usable(raw)) {
                    messages.add(MailMapping.toThreadMessage(TopologyRun.keyOf(raw), feed.list(),
                            parser.parse(raw, Instant.parse("2025-01-01T00:00:00Z"))));
                }
            }
        }
        return ThreadAssembler.assemble(messages);
    }

    private static CorpusTopics run(Feed feed) {
        // a backlog read in bursts, as the service meets it after a restart; the final records are the same
        try (TopologyRun run = new TopologyRun(Corpus.maintainers(), 200)) {
            int messages = 0;
            for (Path mbox : feed.mboxes()) {
                List<byte[]> mails = Corpus.messages(mbox);
                messages += mails.size();
                mails.forEach(raw -> run.send(feed.list(), raw));
            }
            Set<String> ids = new HashSet<>();
            run.parsed().readRecordsToList().forEach(r -> ids.add(r.value().messageId()));
            List<ThreadClassified> all = new ArrayList<>(run.topics().values());
            all.sort(Comparator.comparing(ThreadClassified::firstActivity).thenComparing(ThreadClassified::threadId));
            return new CorpusTopics(feed, List.copyOf(all), messages, Set.copyOf(ids));
        }
    }
}
