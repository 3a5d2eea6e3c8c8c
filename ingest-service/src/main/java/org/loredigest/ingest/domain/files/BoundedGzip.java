package org.loredigest.ingest.domain.files;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens gzip input with limits against decompression bombs: at most {@code maxBytes} decompressed, and never more
 * than {@code maxRatio} decompressed bytes per compressed byte once past the first MiB (small inputs compress
 * unevenly). Going over either throws {@link InputLimitException} naming the limit.
 */
public final class BoundedGzip {

    private static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private BoundedGzip() {
    }

    /** True when the stream starts with the gzip magic bytes; the stream must support mark/reset. */
    public static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** Decompresses {@code in} if it is gzip, else returns it as it is (buffered). */
    public static InputStream maybeDecompress(InputStream in, long maxBytes, double maxRatio) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        return isGzip(buffered) ? decompress(buffered, maxBytes, maxRatio) : buffered;
    }

    public static InputStream decompress(InputStream compressed, long maxBytes, double maxRatio) throws IOException {
        Counting counted = new Counting(compressed);
        return new Limited(new GZIPInputStream(counted, 1 << 16), counted, maxBytes, maxRatio);
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final Counting compressed;
        private final long maxBytes;
        private final double maxRatio;
        private long count;

        Limited(InputStream in, Counting compressed, long maxBytes, double maxRatio) {
            super(in);
            this.compressed = compressed;
            this.maxBytes = maxBytes;
            this.maxRatio = maxRatio;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) {
            count += n;
            if (count > maxBytes) {
                throw new InputLimitException("gzip input decompresses to more than the limit of " + maxBytes
                        + " bytes");
            }
            if (count > RATIO_GRACE_BYTES && count > maxRatio * Math.max(1, compressed.count)) {
                throw new InputLimitException("gzip input expands more than " + maxRatio + " times (" + count
                        + " bytes from " + compressed.count + "), over the compression ratio limit");
            }
        }
    }
}
