package org.loredigest.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import java.util.concurrent.TimeUnit;
import org.loredigest.mail.HeaderKeys;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parses the lore-cgroups corpus message after message, round robin: one operation is one message, so the score in
 * ops/s is messages per second (per thread, i.e. per core with the default single thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {

    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private final MailParser parser = new MailParser();
    private byte[][] messages;
    private int next;

    @Setup
    public void load() {
        CorpusInput input = CorpusInput.loreCgroups();
        System.out.println("\ninput: " + input.describe());
        messages = input.messages.toArray(new byte[0][]);
    }

    /** Headers, body (MIME, charsets, quotes), subject, patch (files, diffstat, patch-id), trailers, kind. */
    @Benchmark
    public ParsedMail fullParse() {
        byte[] raw = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return parser.parse(raw, RECEIVED);
    }

    /**
     * Baseline: a plain MIME parse of the same message with mime4j's DOM builder (headers and the whole body tree,
     * no kernel semantics). Full parsing is reported as a ratio to this, measured in the same run.
     */
    @Benchmark
    public Message mime4jBaseline() throws IOException {
        byte[] raw = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        return builder.parseMessage(new ByteArrayInputStream(raw));
    }

    /** Message-ID, Date and List-Id only. */
    @Benchmark
    public HeaderKeys headerKeys() {
        byte[] raw = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return parser.parseKeys(raw, RECEIVED);
    }
}
