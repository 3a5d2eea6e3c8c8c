package org.loredigest.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.mail.MailMapping;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.thread.Bucket;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MessageKey;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.UnusableMailException;
import org.loredigest.mail.hostile.FuzzSettings;
import org.loredigest.mail.hostile.FuzzTally;
import org.loredigest.mail.hostile.HostileMail;
import org.loredigest.mail.hostile.MutationKind;
import org.loredigest.mail.hostile.TimedCalls;

/**
 * Hostile mail that ingest accepts flows on to classify. Each variant goes through what the topology does with a
 * received record, without Kafka: parse, map to the parsed event and the thread-state message, serialise both (the
 * serdes; a failure there would stop the stream thread instead of dead-lettering), then re-thread, classify and
 * summarise a bucket holding the variant beside the message it came from. Only {@link UnusableMailException} may come
 * out (the parse step dead-letters it, as designed); nothing may hang. Reproduce with {@code -Dfuzz.seed=SEED}.
 */
class HostileMailClassifyTest {

    private static final Instant RECEIVED = Instant.parse("2024-06-01T12:00:00Z");
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int DEFAULT_COUNT = 600;
    private static final ObjectMapper JSON = EventJson.mapper();

    private final MailParser parser = new MailParser();
    private final ThreadBook book = new ThreadBook(new ThreadClassifier(Optional.empty()), new ExtractiveSummariser());

    @Test
    void hostileVariantsAreClassifiedOrDeadLetteredAsDesignedAndNeverHang() {
        assumeTrue(Files.isRegularFile(Corpus.cgroups("cgroups-2024-02.mbox")), "shared corpus not found under " + Corpus.SHARED);
        List<byte[]> seeds = Corpus.messages(Corpus.cgroups("cgroups-2024-02.mbox"));
        long seed = FuzzSettings.seed();
        int count = FuzzSettings.count(DEFAULT_COUNT);
        System.out.println("hostile mail classify run: seed=" + seed + " count=" + count + " (-Dfuzz.seed=" + seed + ")");
        HostileMail mutator = new HostileMail(seed);
        FuzzTally tally = new FuzzTally(seed);
        long started = System.nanoTime();
        try (TimedCalls calls = new TimedCalls()) {
            for (int i = 0; i < count; i++) {
                HostileMail.Variant variant = mutator.next(seeds, mutator.kindFor(i));
                byte[] original = seeds.get(variant.seedIndex());
                TimedCalls.Outcome<Integer> outcome = calls.call(() -> classify(variant.raw(), original), LIMIT);
                boolean rejected = outcome.error() instanceof UnusableMailException;
                tally.record(variant, outcome, rejected);
                if (outcome.timedOut() || (outcome.error() != null && !rejected)) {
                    tally.fail(variant.describe() + ": " + FuzzTally.problem(outcome));
                }
                if (outcome.timedOut()) {
                    break; // the stuck worker still holds a core
                }
            }
        }
        System.out.println(tally.summary("hostile mail classify", Duration.ofNanos(System.nanoTime() - started).toMillis()));
        assertThat(tally.failures()).as("variants that crashed or hung classify's domain code (seed %d)", seed).isEmpty();
        assertThat(tally.kinds()).as("every kind was tried").hasSize(MutationKind.values().length);
    }

    /** What the topology does with one received record and its thread; returns the number of drafts. */
    private int classify(byte[] raw, byte[] original) throws Exception {
        ThreadMessage message = parsed(raw);
        Bucket bucket = new Bucket(ThreadBook.bucketKey(message), List.of(parsed(original), message), Map.of());
        ThreadBook.Update update = book.republish(bucket);
        JSON.readValue(JSON.writeValueAsBytes(update.bucket()), Bucket.class);
        for (TopicDraft draft : update.drafts()) {
            JSON.readValue(JSON.writeValueAsBytes(draft), TopicDraft.class);
        }
        return update.drafts().size();
    }

    private ThreadMessage parsed(byte[] raw) throws Exception {
        ParsedMail mail = parser.parse(raw, RECEIVED);
        // the key ingest gives it: the Message-ID, else a hash of the bytes
        String key = mail.messageIdFallback() ? MessageKey.fromContent(raw) : mail.messageId();
        MailParsed event = MailMapping.toMailParsed(key, "cgroups", "mbox:hostile", "offset:0", mail);
        JSON.readValue(JSON.writeValueAsBytes(event), MailParsed.class);
        ThreadMessage message = MailMapping.toThreadMessage(key, "cgroups", mail);
        return JSON.readValue(JSON.writeValueAsBytes(message), ThreadMessage.class);
    }
}
