package org.loredigest.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.testkit.PublicInboxServer;

/**
 * Freshness: how long after a mail lands in the archive it is searchable. A local public-inbox serves one month of
 * cgroups mail; ingest-service follows it over HTTP (git epochs, as it follows lore.kernel.org) with the given poll
 * interval. Then real mail of a later month is delivered one message at a time with {@code public-inbox-mda}; a
 * watcher searches Elasticsearch every 100 ms (no forced refresh: what a user would find) and records when each
 * mail, and the topic of each thread-starting mail, can be found.
 *
 * <p>System properties: {@code lore.shared.dir} ({@code ../shared}), {@code bench.deliveries} (100),
 * {@code bench.poll} (ISO-8601 poll interval, {@code PT2S}), {@code bench.pause} (ms between deliveries, 1000).
 */
public final class FreshnessBench {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:\\s*<([^>]+)>");
    private static final Pattern REPLY = Pattern.compile("(?im)^(in-reply-to|references):");

    private FreshnessBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path shared = Path.of(System.getProperty("lore.shared.dir", "../shared")).toAbsolutePath();
        Path cgroups = shared.resolve("corpus/lore-cgroups");
        int deliveries = Integer.getInteger("bench.deliveries", 100);
        Duration poll = Duration.parse(System.getProperty("bench.poll", "PT2S"));
        long pause = Long.getLong("bench.pause", 1000);
        List<byte[]> fresh = firstMessages(cgroups.resolve("cgroups-2024-05.mbox"), deliveries);

        try (PublicInboxServer inbox = PublicInboxServer.builder().name("cgroups").address("cgroups@vger.kernel.org")
                .mbox(cgroups.resolve("cgroups-2024-01.mbox")).start();
             Pipeline pipeline = Pipeline.start(root, root.resolve("bench/pipeline/target/freshness"), shared,
                     Pipeline.Layout.single())) {
            pipeline.follow("cgroups", "git", "cgroups", inbox.inboxUrl(), poll);
            ReadModelState.awaitSettled(pipeline, Duration.ofSeconds(10), Duration.ofMinutes(20));
            System.out.printf("history: %,d mails searchable; delivering %d new mails, one every %d ms, poll interval %s%n",
                    ReadModelState.mailCount(pipeline), fresh.size(), pause, poll);

            Map<String, Long> delivered = new ConcurrentHashMap<>();
            Map<String, Long> mailSeen = new ConcurrentHashMap<>();
            Map<String, Long> topicSeen = new ConcurrentHashMap<>();
            List<String> starters = new ArrayList<>();
            Thread watcher = Thread.ofPlatform().daemon().start(() -> watch(pipeline, delivered, mailSeen, topicSeen, starters));
            int refused = 0;
            for (byte[] raw : fresh) {
                String id = messageId(raw);
                String headers = new String(raw, 0, Math.min(raw.length, 16384), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .split("\n\n", 2)[0];
                try {
                    inbox.deliver(raw);
                } catch (IllegalStateException refusedByTheList) {
                    // public-inbox-mda's own filter turns some real mail away (e.g. "only plain-text mail")
                    refused++;
                    continue;
                }
                delivered.put(id, System.nanoTime());
                if (!REPLY.matcher(headers).find()) {
                    synchronized (starters) {
                        starters.add(id);
                    }
                }
                Thread.sleep(pause);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while ((mailSeen.size() < delivered.size() || topicSeen.size() < starters.size()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            watcher.interrupt();
            System.out.printf("%d delivered, %d refused by public-inbox-mda's filter%n", delivered.size(), refused);
            System.out.println();
            System.out.println("| delivered → searchable | count | p50 (s) | p90 (s) | p99 (s) | max (s) |");
            System.out.println("|---|---|---|---|---|---|");
            print("mail (" + ReadModelState.MAILS + ")", delivered, mailSeen, delivered.size());
            print("topic of a new thread (" + ReadModelState.TOPICS + ")", delivered, topicSeen, starters.size());
            System.out.printf("%ntarget: p99 <= 5 s + poll interval (%.1f s) = %.1f s%n", poll.toMillis() / 1e3,
                    5 + poll.toMillis() / 1e3);
        }
    }

    private static void watch(Pipeline pipeline, Map<String, Long> delivered, Map<String, Long> mailSeen,
                              Map<String, Long> topicSeen, List<String> starters) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<String> mails = delivered.keySet().stream().filter(id -> !mailSeen.containsKey(id)).toList();
                List<String> topics;
                synchronized (starters) {
                    topics = starters.stream().filter(id -> !topicSeen.containsKey(id)).toList();
                }
                found(pipeline, ReadModelState.MAILS, "messageId", mails).forEach(id -> mailSeen.putIfAbsent(id, System.nanoTime()));
                found(pipeline, ReadModelState.TOPICS, "rootMessageId", topics).forEach(id -> topicSeen.putIfAbsent(id, System.nanoTime()));
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (Exception retry) {
                // the node is busy: look again on the next round
            }
        }
    }

    private static List<String> found(Pipeline pipeline, String index, String field, List<String> ids) throws Exception {
        if (ids.isEmpty()) {
            return List.of();
        }
        JsonNode hits = pipeline.elasticsearch("POST", "/" + index + "/_search", "{\"size\":1000,\"_source\":[\"" + field
                + "\"],\"query\":{\"terms\":{\"" + field + "\":" + Pipeline.JSON.writeValueAsString(ids) + "}}}")
                .path("hits").path("hits");
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.path("_source").path(field).asText()));
        return out;
    }

    private static void print(String what, Map<String, Long> delivered, Map<String, Long> seen, int expected) {
        List<Double> seconds = new ArrayList<>();
        seen.forEach((id, at) -> seconds.add((at - delivered.get(id)) / 1e9));
        seconds.sort(Double::compare);
        if (seconds.isEmpty()) {
            System.out.printf("| %s | 0 of %d | | | | |%n", what, expected);
            return;
        }
        System.out.printf("| %s | %d of %d | %.2f | %.2f | %.2f | %.2f |%n", what, seconds.size(), expected,
                percentile(seconds, 50), percentile(seconds, 90), percentile(seconds, 99), seconds.getLast());
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static List<byte[]> firstMessages(Path mbox, int n) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(mbox)) {
            for (Iterator<MboxMessage> it = new MboxReader(in); it.hasNext() && out.size() < n; ) {
                byte[] raw = it.next().raw();
                if (raw.length > 0 && MESSAGE_ID.matcher(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)).find()) {
                    out.add(raw);
                }
            }
        }
        return out;
    }

    private static String messageId(byte[] raw) {
        Matcher m = MESSAGE_ID.matcher(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            throw new IllegalArgumentException("no Message-ID");
        }
        return m.group(1).strip();
    }
}
