package org.loredigest.ingest.domain.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BoundedGzipTest {

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void plainInputPassesThroughAndGzipIsRecognisedByItsMagicBytes() throws IOException {
        byte[] mbox = "From x\n\nbody\n".getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = BoundedGzip.maybeDecompress(new ByteArrayInputStream(mbox), 1000, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(mbox);
        }
        try (InputStream in = BoundedGzip.maybeDecompress(new ByteArrayInputStream(gzip(mbox)), 1000, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(mbox);
        }
    }

    @Test
    void aBombIsStoppedByTheRatioLimit() throws IOException {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]); // zeros compress about 1000:1
        try (InputStream in = BoundedGzip.maybeDecompress(new ByteArrayInputStream(bomb), 1L << 40, 100)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(InputLimitException.class)
                    .hasMessageContaining("compression ratio limit");
        }
    }

    @Test
    void theDecompressedSizeLimitHolds() throws IOException {
        byte[] big = gzip(new byte[4096]);
        try (InputStream in = BoundedGzip.maybeDecompress(new ByteArrayInputStream(big), 1000, 1e9)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(InputLimitException.class)
                    .hasMessageContaining("more than the limit of 1000 bytes");
        }
    }

    @Test
    void aTruncatedOrCorruptStreamIsBrokenInputNamingHowFarItWasRead() throws IOException {
        byte[] text = new byte[200_000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + random.nextInt(26)); // compresses about 2:1, so half the gzip is mid-stream
        }
        byte[] whole = gzip(text);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        try (InputStream in = BoundedGzip.maybeDecompress(new ByteArrayInputStream(truncated), 1L << 40, 100)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(BrokenInputException.class)
                    .hasMessageContaining("truncated or corrupt after").hasMessageContaining("decompressed bytes");
        }
        byte[] corrupt = whole.clone();
        corrupt[corrupt.length - 5] ^= 0x55; // the CRC of the trailer
        try (InputStream in = BoundedGzip.maybeDecompress(new ByteArrayInputStream(corrupt), 1L << 40, 100)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(BrokenInputException.class);
        }
        byte[] headerOnly = java.util.Arrays.copyOf(whole, 5);
        assertThatThrownBy(() -> BoundedGzip.maybeDecompress(new ByteArrayInputStream(headerOnly), 1L << 40, 100))
                .isInstanceOf(BrokenInputException.class).hasMessageContaining("after 0 decompressed bytes");
    }
}
