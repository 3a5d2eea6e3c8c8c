package org.loredigest.ingest.source;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.loredigest.events.EventJson;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.Topics;
import org.loredigest.ingest.TestPolicy;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.ingest.domain.source.CheckpointedSink;
import org.loredigest.ingest.domain.source.SourceReader;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSettings;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.kafka.KafkaCheckpointStore;
import org.loredigest.ingest.kafka.ProducerSettings;
import org.loredigest.ingest.kafka.TransactionalSourceSink;
import org.loredigest.ingest.source.http.PoliteHttp;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.testkit.KafkaServer;

/** Wires sources to the real shared broker the way SourceManager does, for plain JUnit integration tests. */
final class SourceHarness {

    static final KafkaServer KAFKA = KafkaServer.shared();
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    static {
        KAFKA.createTopics(3, Topics.MAIL_RECEIVED, Topics.MAIL_RECEIVED_DLQ);
        KAFKA.createTopics(1, Topics.INGEST_CHECKPOINTS);
    }

    private SourceHarness() {
    }

    static Map<String, Object> kafkaConfig() {
        return Map.of("bootstrap.servers", KAFKA.bootstrapServers());
    }

    static TransactionalSourceSink sink(String sourceName) {
        return new TransactionalSourceSink(ProducerSettings.transactional(kafkaConfig(), "it-" + sourceName),
                EventJson.mapper());
    }

    static SourceRunner runner(SourceSpec spec, SourceReader reader, CheckpointedSink sink, DuplicateFilter filter,
                               int batchSize) {
        IngestCheckpoint start = checkpoints().get(spec.name());
        return new SourceRunner(spec, start, reader, sink, filter,
                new SourceSettings(MAX_MESSAGE_BYTES, batchSize, Duration.ofSeconds(30), Duration.ofMinutes(1)),
                Clock.systemUTC());
    }

    static Map<String, IngestCheckpoint> checkpoints() {
        return new KafkaCheckpointStore(ProducerSettings.committedReader(KAFKA.bootstrapServers()), EventJson.mapper())
                .loadAll();
    }

    static PoliteHttp http() {
        return new PoliteHttp(HttpClient.newHttpClient(), TestPolicy.loopbackOnly()::checkRequest, "lore-digest-ingest-test", 200, 3, Duration.ofMillis(100),
                Duration.ofSeconds(1), Duration.ofSeconds(60), d -> Thread.sleep(d), Clock.systemUTC());
    }

    /** Committed records of the received topic whose source header starts with {@code sourcePrefix}. */
    static List<ConsumerRecord<String, byte[]>> published(String sourcePrefix, int atLeast) {
        return CommittedRecords.read(KAFKA.bootstrapServers(), Topics.MAIL_RECEIVED, Duration.ofSeconds(60),
                r -> header(r, MailHeaders.SOURCE) != null && header(r, MailHeaders.SOURCE).startsWith(sourcePrefix),
                atLeast);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Every message blob of an epoch, in commit order, keyed as ingest-service keys them. */
    static LinkedHashMap<String, byte[]> epochMessages(Path gitDir) throws IOException {
        LinkedHashMap<String, byte[]> messages = new LinkedHashMap<>();
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
             RevWalk walk = new RevWalk(repo); ObjectReader objects = repo.newObjectReader()) {
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/master")));
            for (RevCommit commit : walk) {
                try (TreeWalk m = TreeWalk.forPath(objects, "m", commit.getTree())) {
                    if (m != null) {
                        byte[] raw = objects.open(m.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                        messages.putIfAbsent(RecordKeys.of(RawHeader.scan(raw)), raw);
                    }
                }
            }
        }
        return messages;
    }

    /** The commit an epoch's master points at. */
    static String head(Path gitDir) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            return repo.resolve("refs/heads/master").name();
        }
    }

    static Map<String, Integer> countByKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

    static List<String> keysSeenMoreThanOnce(List<ConsumerRecord<String, byte[]>> records) {
        List<String> doubled = new ArrayList<>();
        countByKey(records).forEach((k, n) -> {
            if (n > 1) {
                doubled.add(k + " x" + n);
            }
        });
        return doubled;
    }
}
