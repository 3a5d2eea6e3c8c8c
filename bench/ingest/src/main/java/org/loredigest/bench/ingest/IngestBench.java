package org.loredigest.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.loredigest.events.EventJson;
import org.loredigest.events.TopicSpec;
import org.loredigest.events.Topics;
import org.loredigest.events.kafka.TopicBootstrap;
import org.loredigest.ingest.domain.dedup.ContentDigest;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.ingest.domain.source.SourceOutput;
import org.loredigest.ingest.domain.source.SourceRunner;
import org.loredigest.ingest.domain.source.SourceSettings;
import org.loredigest.ingest.domain.source.SourceSpec;
import org.loredigest.ingest.domain.source.SourceType;
import org.loredigest.ingest.kafka.ProducerSettings;
import org.loredigest.ingest.kafka.TransactionalSourceSink;
import org.loredigest.ingest.source.git.GitEpochReader;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.testkit.KafkaServer;

/**
 * Reads a public-inbox epoch holding all corpus mail into a real broker the way a {@code dir} source does (JGit,
 * duplicate filter, one Kafka transaction and checkpoint per 1,000 records), and, in the same run and against the same
 * broker, sends the same bytes with a plain idempotent {@code acks=all} producer as the baseline. Rounds alternate so
 * both see the same machine load; each round prints rates, the CPU seconds spent by this JVM and the broker, and the
 * ratio to the baseline round before it; then the medians.
 *
 * <p>Arguments: {@code [rounds [warm-up rounds]]} (default 5 and 3; JGit and the producer take a few rounds to be
 * compiled). System property {@code lore.shared.dir} (default {@code ../shared}).
 */
public final class IngestBench {

    private static final String BASELINE_TOPIC = Topics.MAIL_RECEIVED + ".bench-baseline";
    private static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    private static final int BATCH = 1000;

    /** {@code messages} read (for the baseline: sent), {@code published} of them as new records. */
    private record Round(long messages, long published, long bytes, long nanos, CpuTime cpu) {
        double messagesPerSecond() {
            return messages / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path corpus = Path.of(System.getProperty("lore.shared.dir", "../shared")).resolve("corpus");
        Path work = Files.createTempDirectory("lore-bench-ingest");
        List<Path> mboxes = CorpusEpoch.mboxesUnder(corpus);
        CorpusEpoch.Contents contents = CorpusEpoch.write(work, mboxes);
        System.out.printf("epoch: %,d messages, %.1f MB from %d mbox files under %s%n", contents.messages().size(),
                contents.bytes() / 1e6, mboxes.size(), corpus);
        List<String> keys = contents.messages().stream()
                .map(raw -> RecordKeys.of(RawHeader.scan(raw))).toList();

        try {
            run(rounds, warmUps, work, contents, keys);
        } finally {
            try (var paths = Files.walk(work)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void run(int rounds, int warmUps, Path work, CorpusEpoch.Contents contents, List<String> keys) throws Exception {
        try (KafkaServer kafka = KafkaServer.start()) {
            Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
            TopicSpec received = Topics.spec(Topics.MAIL_RECEIVED);
            TopicBootstrap.ensure(config, List.of(received, Topics.spec(Topics.MAIL_RECEIVED_DLQ),
                    Topics.spec(Topics.INGEST_CHECKPOINTS),
                    new TopicSpec(BASELINE_TOPIC, received.partitions(), received.configs())), (short) 1);
            ObjectMapper json = EventJson.mapper();
            List<Round> baseline = new ArrayList<>();
            List<Round> ingest = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            System.out.printf("load average at start: %s%n", CpuTime.loadAverage());
            for (int round = 1 - warmUps; round <= rounds; round++) {
                Round b = baseline(config, contents, keys);
                Round i = ingest(config, json, work, round, contents.bytes());
                double ratio = i.megabytesPerSecond() / b.megabytesPerSecond();
                System.out.printf("%-8s baseline %,7.0f msg/s %6.1f MB/s %5.2f cpu-s | ingest %,7.0f msg/s %6.1f MB/s "
                                + "%5.2f cpu-s (%,d published) | %.2f%n", round <= 0 ? "warm-up" : "round " + round,
                        b.messagesPerSecond(), b.megabytesPerSecond(), b.cpu().total(), i.messagesPerSecond(),
                        i.megabytesPerSecond(), i.cpu().total(), i.published(), ratio);
                if (round > 0) {
                    baseline.add(b);
                    ingest.add(i);
                    ratios.add(ratio);
                }
            }
            Round r = readOnly(work, contents.bytes());
            long start = System.nanoTime();
            contents.messages().forEach(raw -> ContentDigest.of(RawHeader.scan(raw)));
            double digestRate = keys.size() / ((System.nanoTime() - start) / 1e9);
            System.out.printf("parts:   epoch read alone %,8.0f msg/s %6.1f MB/s %5.2f cpu-s | content digest alone "
                    + "%,8.0f msg/s%n", r.messagesPerSecond(), r.megabytesPerSecond(), r.cpu().total(), digestRate);
            double bMb = median(baseline.stream().map(Round::megabytesPerSecond).toList());
            double iMb = median(ingest.stream().map(Round::megabytesPerSecond).toList());
            double bCpu = median(baseline.stream().map(x -> x.cpu().total()).toList());
            double iCpu = median(ingest.stream().map(x -> x.cpu().total()).toList());
            System.out.printf("median of %d rounds: baseline %,.0f msg/s %.1f MB/s %.2f cpu-s (broker %.2f); "
                            + "ingest %,.0f msg/s %.1f MB/s %.2f cpu-s (broker %.2f)%n", rounds,
                    median(baseline.stream().map(Round::messagesPerSecond).toList()), bMb, bCpu,
                    median(baseline.stream().map(x -> x.cpu().children()).toList()),
                    median(ingest.stream().map(Round::messagesPerSecond).toList()), iMb, iCpu,
                    median(ingest.stream().map(x -> x.cpu().children()).toList()));
            System.out.printf("ingest/baseline: %.2f (medians, MB/s), %.2f (median of round pairs), %.2f (CPU, "
                    + "baseline cpu-s / ingest cpu-s); load average at end: %s%n", iMb / bMb, median(ratios),
                    bCpu / iCpu, CpuTime.loadAverage());
        }
    }

    /** The same records (key + raw bytes, no headers) through a plain idempotent producer, until all are acked. */
    private static Round baseline(Map<String, Object> config, CorpusEpoch.Contents contents, List<String> keys) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer = new KafkaProducer<>(ProducerSettings.of(config, "bench-baseline"), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(BASELINE_TOPIC); // metadata outside the timing, as the ingest producer has it
            CpuTime cpu = CpuTime.now();
            long start = System.nanoTime();
            for (int i = 0; i < keys.size(); i++) {
                producer.send(new ProducerRecord<>(BASELINE_TOPIC, keys.get(i), contents.messages().get(i)),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
            long nanos = System.nanoTime() - start;
            CpuTime used = CpuTime.now().since(cpu);
            if (failure.get() != null) {
                throw new IllegalStateException("baseline send failed", failure.get());
            }
            return new Round(keys.size(), keys.size(), contents.bytes(), nanos, used);
        }
    }

    /** One full read of the epoch by a fresh source (no checkpoint, empty duplicate memory). */
    private static Round ingest(Map<String, Object> config, ObjectMapper json, Path inbox, int round, long bytes)
            throws Exception {
        String name = "bench-" + round + "-" + Long.toHexString(System.nanoTime());
        SourceSpec spec = new SourceSpec(name, SourceType.DIR, "bench", inbox.toString(), Duration.ofMinutes(1), null,
                SourceSpec.ORIGIN_CONFIG);
        try (TransactionalSourceSink sink = new TransactionalSourceSink(ProducerSettings.transactional(config, name),
                json)) {
            SourceRunner runner = new SourceRunner(spec, null, GitEpochReader.local(inbox, MAX_MESSAGE_BYTES), sink,
                    new DuplicateFilter(new SeenMessages(1 << 20)),
                    new SourceSettings(MAX_MESSAGE_BYTES, BATCH, Duration.ofSeconds(1), Duration.ofMinutes(1)),
                    Clock.systemUTC());
            CpuTime cpu = CpuTime.now();
            long start = System.nanoTime();
            long published = runner.pollOnce();
            long nanos = System.nanoTime() - start;
            CpuTime used = CpuTime.now().since(cpu);
            long read = published + runner.stats().duplicates() + runner.stats().deadLetteredCount();
            return new Round(read, published, bytes, nanos, used);
        }
    }

    /** The epoch read through the same reader into an output that only counts: the git side alone. */
    private static Round readOnly(Path inbox, long bytes) throws Exception {
        long[] count = new long[1];
        SourceOutput counting = new SourceOutput() {
            @Override
            public void mail(byte[] raw, String source, String position) {
                count[0]++;
            }

            @Override
            public void rejected(String source, String position, String reason, byte[] payload) {
            }

            @Override
            public void skipped(String source, String position, String reason) {
            }

            @Override
            public void advance(String key, String value) {
            }

            @Override
            public void remaining(long entries) {
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
        CpuTime cpu = CpuTime.now();
        long start = System.nanoTime();
        GitEpochReader.local(inbox, MAX_MESSAGE_BYTES).read(Map.of(), counting);
        return new Round(count[0], 0, bytes, System.nanoTime() - start, CpuTime.now().since(cpu));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
