package org.loredigest.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.domain.MboxImportTest.RecordingSink;
import org.loredigest.ingest.domain.files.LocalMail;

/**
 * Gzipped uploads that stop early: a stream cut short and a decompression bomb. Every complete message before the
 * break is published, and the break itself is one dead letter with its reason; the import finishes normally.
 */
class BrokenGzipImportTest {

    private static final LocalMail LOCAL_MAIL = new LocalMail(new LocalMail.Limits(10 * 1024 * 1024, 1L << 40, 100));

    @Test
    void aTruncatedGzipPublishesTheCompleteMessagesBeforeTheCutAndDeadLettersTheRest() throws IOException {
        byte[] gz = gzip(mbox(randomText(60_000)));
        RecordingSink sink = new RecordingSink();
        ImportResult result = importGzip(Arrays.copyOf(gz, gz.length * 7 / 10), sink);

        assertThat(sink.accepted).extracting(m -> m.key()).containsExactly("one@x", "two@x");
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(sink.rejected.get(0).reason()).contains("gzip input is truncated or corrupt")
                .contains("the rest of the input was not read");
        assertThat(sink.flushes).isEqualTo(1);
    }

    @Test
    void aGzipCutInsideItsHeaderIsOneDeadLetter() throws IOException {
        RecordingSink sink = new RecordingSink();
        ImportResult result = importGzip(Arrays.copyOf(gzip(mbox("x")), 6), sink);
        assertThat(result.messages()).isZero();
        assertThat(sink.rejected).singleElement().satisfies(r -> assertThat(r.reason()).contains("nothing of the input was read"));
    }

    @Test
    void aBombAfterGoodMessagesKeepsEveryCompleteMessageBeforeIt() throws IOException {
        // the third message runs into 8 MB of empty lines that compress 1000:1
        byte[] plain = mbox("three\n" + "\n".repeat(8 * 1024 * 1024));
        RecordingSink sink = new RecordingSink();
        ImportResult result = importGzip(gzip(plain), sink);

        assertThat(sink.accepted).extracting(m -> m.key()).containsExactly("one@x", "two@x");
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(sink.rejected.get(0).reason()).contains("compression ratio limit");
    }

    private static ImportResult importGzip(byte[] gz, RecordingSink sink) throws IOException {
        ImportSession session = new ImportSession(sink, MboxImportTest.CLOCK, 10 * 1024 * 1024, null, "cgroups", "mbox:test.gz");
        LOCAL_MAIL.readStream(new ByteArrayInputStream(gz), session);
        return session.finish();
    }

    private static byte[] mbox(String thirdBody) {
        return ("From x\nMessage-ID: <one@x>\n\none\n\nFrom x\nMessage-ID: <two@x>\n\ntwo\n\n"
                + "From x\nMessage-ID: <three@x>\n\n" + thirdBody + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Letters that compress about 2:1, so a cut at 70% of the gzip lands inside this text. */
    private static String randomText(int length) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(i % 72 == 71 ? '\n' : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
