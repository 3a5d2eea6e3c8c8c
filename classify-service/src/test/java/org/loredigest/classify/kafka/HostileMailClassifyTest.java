package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.summary.ExtractiveSummariser;
import org.loredigest.classify.domain.thread.Bucket;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MessageKey;
import org.loredigest.mail.MessageIds;
import org.loredigest.mail.UnusableMailException;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.mail.hostile.FuzzSettings;
import org.loredigest.mail.hostile.FuzzTally;
import org.loredigest.mail.hostile.HostileMail;
import org.loredigest.mail.hostile.MutationKind;
import org.loredigest.mail.hostile.TimedCalls;

/**
 * Hostile mail that ingest accepts flows on to classify. Each variant goes through what the topology does with a
 * received record, without Kafka: the topology's own {@link ParseStep} (parse, map to the parsed event and the
 * thread-state message), the serdes of both (a failure there would stop the stream thread instead of
 * dead-lettering), then re-threading, classification and summary of a bucket holding the variant beside the message
 * it came from. The parse step may dead-letter a variant only for {@link UnusableMailException} (no header section);
 * any other dead letter, exception or hang is a failure. Reproduce with {@code -Dfuzz.seed=SEED}.
 */
class HostileMailClassifyTest {

    private static final Instant RECEIVED = Instant.parse("2024-06-01T12:00:00Z");
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int DEFAULT_COUNT = 600;
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String DESIGNED_REJECTION = UnusableMailException.class.getSimpleName();

    private final ThreadBook book = new ThreadBook(new ThreadClassifier(Optional.empty()), new ExtractiveSummariser());

    /** What became of one variant: the number of drafts its thread produced, or the parse step's dead letter. */
    private record Result(int drafts, DeadLetter deadLetter) {
    }

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
                TimedCalls.Outcome<Result> outcome = calls.call(() -> classify(variant.raw(), original), LIMIT);
                DeadLetter letter = outcome.value() == null ? null : outcome.value().deadLetter();
                boolean rejected = letter != null && DESIGNED_REJECTION.equals(letter.errorType());
                tally.record(variant, outcome, rejected);
                if (outcome.timedOut() || outcome.error() != null) {
                    tally.fail(variant.describe() + ": " + FuzzTally.problem(outcome));
                } else if (letter != null && !rejected) {
                    tally.fail(variant.describe() + ": dead-lettered by the parse step with " + letter.errorType() + ": "
                            + letter.reason());
                }
                if (outcome.timedOut()) {
                    break; // the stuck worker still holds a core
                }
            }
        }
        System.out.println(tally.summary("hostile mail classify", Duration.ofNanos(System.nanoTime() - started).toMillis()));
        assertThat(tally.failures()).as("variants that crashed or hung classify's domain code (seed %d)", seed).isEmpty();
        assertThat(tally.kinds()).as("every kind was tried").hasSize(MutationKind.values().length);
        assertClassifiedAtStatedRates(tally);
    }

    /**
     * A parse step that dead-lettered everything (or every mail of one kind) would pass the checks above. Mutations
     * that keep the header section readable must all be classified. Stray bytes may hit a header line now and then,
     * and a cut may fall inside the first header line: the default run (seed 20240304, 600 variants) dead-letters 1
     * of 40 NUL, 1 of 38 byte-noise and 1 of 32 invalid-UTF-8 variants (97 %), seed 3 1 of 36 truncated and 2 of 32
     * invalid-UTF-8 ones. With some 35 variants a kind one more unlucky variant moves a share by 3 points, so their
     * floor is 85 % (the parser test, with 3,000 variants, holds them to 90 %). A broken header section is the one
     * designed rejection (default run: 14 of 34 classified). Overall the default run classifies 577 of 600 (96.2 %),
     * seeds 1, 2 and 3 570 to 571 (95 %); the floor of 93 % leaves room for other seeds (broken header sections are
     * 6 % of the draws, and how many of them are rejected varies by about a point over 600 variants), while a parse
     * step that dead-letters one more common kind in full (6 % of the draws each) falls below it.
     */
    private static void assertClassifiedAtStatedRates(FuzzTally tally) {
        assertThat(tally.sharesBelow(0.85, 0.93)).as("shares of variants classified (not dead-lettered) below their floors")
                .isEmpty();
    }

    /** What the topology does with one received record and its thread. */
    private Result classify(byte[] raw, byte[] original) throws Exception {
        Routed<ParseStep.Parsed> routed = parseStep(raw);
        if (routed.failed()) {
            // the dead letter carries the record: it must survive its serde too
            JSON.readValue(JSON.writeValueAsBytes(routed.deadLetter()), DeadLetter.class);
            return new Result(0, routed.deadLetter());
        }
        ThreadMessage message = roundTrip(routed.value());
        Routed<ParseStep.Parsed> seed = parseStep(original);
        if (seed.failed()) {
            throw new IllegalStateException("corpus message dead-lettered: " + seed.deadLetter().reason());
        }
        Bucket bucket = new Bucket(ThreadBook.bucketKey(message), List.of(roundTrip(seed.value()), message), Map.of());
        ThreadBook.Update update = book.republish(bucket);
        JSON.readValue(JSON.writeValueAsBytes(update.bucket()), Bucket.class);
        for (TopicDraft draft : update.drafts()) {
            JSON.readValue(JSON.writeValueAsBytes(draft), TopicDraft.class);
        }
        return new Result(update.drafts().size(), null);
    }

    /** The record as ingest publishes it (keyed by its Message-ID, else a hash of its bytes) through the parse step. */
    private static Routed<ParseStep.Parsed> parseStep(byte[] raw) {
        String id = MessageIds.ofMessage(RawHeader.scan(raw));
        String key = id != null ? id : MessageKey.fromContent(raw);
        RecordHeaders headers = new RecordHeaders();
        headers.add(MailHeaders.LIST, "cgroups".getBytes(StandardCharsets.UTF_8));
        headers.add(MailHeaders.SOURCE, "mbox:hostile".getBytes(StandardCharsets.UTF_8));
        headers.add(MailHeaders.SOURCE_POSITION, "offset:0".getBytes(StandardCharsets.UTF_8));
        headers.add(MailHeaders.RECEIVED_AT, RECEIVED.toString().getBytes(StandardCharsets.UTF_8));
        MockProcessorContext<String, Routed<ParseStep.Parsed>> context = new MockProcessorContext<>();
        ParseStep step = new ParseStep();
        step.init(context);
        step.process(new Record<>(key, raw, RECEIVED.toEpochMilli(), headers));
        List<MockProcessorContext.CapturedForward<? extends String, ? extends Routed<ParseStep.Parsed>>> forwarded =
                context.forwarded();
        if (forwarded.size() != 1) {
            throw new IllegalStateException("the parse step forwarded " + forwarded.size() + " records for one");
        }
        return forwarded.get(0).record().value();
    }

    /** Both shapes of a parsed mail through their serdes; the thread-state message as read back. */
    private static ThreadMessage roundTrip(ParseStep.Parsed parsed) throws Exception {
        JSON.readValue(JSON.writeValueAsBytes(parsed.event()), MailParsed.class);
        return JSON.readValue(JSON.writeValueAsBytes(parsed.message()), ThreadMessage.class);
    }
}
