package org.loredigest.ingest.domain.files;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens gzip input with limits against decompression bombs: at most {@code maxBytes} decompressed, and never more
 * than {@code maxRatio} decompressed bytes per compressed byte once past the first MiB (small inputs compress
 * unevenly). Going over either throws {@link InputLimitException} naming the limit; a stream cut short or corrupt
 * throws {@link BrokenInputException} saying how far it was read.
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
        GZIPInputStream gzip;
        try {
            gzip = new GZIPInputStream(counted, 1 << 16);
        } catch (ZipException | EOFException e) {
            throw broken(e, 0);
        }
        return new Limited(gzip, counted, maxBytes, maxRatio);
    }

    private static BrokenInputException broken(IOException e, long decompressed) {
        return new BrokenInputException("gzip input is truncated or corrupt after " + decompressed
                + " decompressed bytes (" + e.getMessage() + ")", e);
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
            int b;
            try {
                b = super.read();
            } catch (ZipException | EOFException e) {
                throw broken(e, count);
            }
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw broken(e, count);
            }
            if (n > 0) {
                check(n);
            }
            return n;
        }

        /**
         * Nothing is promised as available, so buffering readers ({@link BufferedInputStream}) never chain a second
         * read onto data already decoded: when that read fails on a stream cut short, the decoded data would be lost
         * with it instead of reaching the reader.
         */
        @Override
        public int available() {
            return 0;
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
