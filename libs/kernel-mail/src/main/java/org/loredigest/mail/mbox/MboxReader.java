package org.loredigest.mail.mbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams messages out of an mboxrd (or mboxo) file without loading the whole file.
 *
 * <p>Rules, as public-inbox writes mboxrd: a message starts at a line beginning with {@code "From "};
 * one {@code '>'} is removed from body lines matching {@code ^>+From }; the single empty line that the
 * writer appends after each message is removed. Input that does not start with a {@code From } line is
 * read as one bare RFC 5322 message. A message larger than {@code maxMessageBytes} is reported as a
 * {@link MboxFormatException} naming its position, and reading can go on with the next message.
 *
 * <p>The limit holds while a line is read, not after: a line that would take the message over it (say 50 MB without a
 * newline) is read to its end but not kept, so at most {@code maxMessageBytes} plus the 64 KiB read buffer are ever
 * held, and the next {@code From } line still starts the next message.
 */
public final class MboxReader implements Iterator<MboxMessage>, Closeable {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final InputStream in;
    private final int maxMessageBytes;
    private final LineReader lines;
    private byte[] pendingLine;
    private long pendingLineOffset;
    private long index;
    private boolean started;
    private MboxMessage next;

    public MboxReader(InputStream in) {
        this(in, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public MboxReader(InputStream in, int maxMessageBytes) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.maxMessageBytes = maxMessageBytes;
        this.lines = new LineReader(this.in);
    }

    /** All messages of the stream, lazily; closing the stream closes the input. */
    public Stream<MboxMessage> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = readMessage();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public MboxMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        MboxMessage message = next;
        next = null;
        return message;
    }

    private MboxMessage readMessage() throws IOException {
        long messageOffset;
        boolean bare = false;
        if (!started) {
            started = true;
            pendingLineOffset = lines.offset();
            pendingLine = lines.next(maxMessageBytes);
            if (pendingLine == null) {
                return null;
            }
            if (!isSeparator(pendingLine)) {
                bare = true;
            }
        }
        if (pendingLine == null) {
            return null;
        }
        messageOffset = pendingLineOffset;
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        boolean tooLarge = false;
        if (bare) {
            tooLarge = lines.lastLineCut() || append(body, pendingLine, tooLarge);
        }
        pendingLine = null;
        byte[] line;
        while (true) {
            long lineOffset = lines.offset();
            // room + 1: unquoting may take one '>' off a line that is one byte longer than the room left
            line = lines.next(tooLarge ? 0 : maxMessageBytes - body.size() + 1);
            if (line == null) {
                break;
            }
            if (isSeparator(line)) {
                pendingLine = line;
                pendingLineOffset = lineOffset;
                break;
            }
            tooLarge = lines.lastLineCut() || append(body, unquote(line), tooLarge);
        }
        long messageIndex = index++;
        if (tooLarge) {
            throw new MboxFormatException("message " + messageIndex + " at byte " + messageOffset
                    + " exceeds the limit of " + maxMessageBytes + " bytes");
        }
        byte[] raw = body.toByteArray();
        if (pendingLine != null) {
            raw = dropFramingNewline(raw);
        }
        return new MboxMessage(messageIndex, messageOffset, raw);
    }

    private boolean append(ByteArrayOutputStream body, byte[] line, boolean tooLarge) {
        if (tooLarge || body.size() + line.length > maxMessageBytes) {
            return true;
        }
        body.writeBytes(line);
        return false;
    }

    /** mboxrd writers end every message with one extra newline before the next separator. */
    private static byte[] dropFramingNewline(byte[] raw) {
        int n = raw.length;
        if (n >= 2 && raw[n - 1] == '\n' && raw[n - 2] == '\n') {
            return java.util.Arrays.copyOf(raw, n - 1);
        }
        if (n >= 4 && raw[n - 1] == '\n' && raw[n - 2] == '\r' && raw[n - 3] == '\n' && raw[n - 4] == '\r') {
            return java.util.Arrays.copyOf(raw, n - 2);
        }
        return raw;
    }

    static boolean isSeparator(byte[] line) {
        return line.length >= 5 && line[0] == 'F' && line[1] == 'r' && line[2] == 'o' && line[3] == 'm' && line[4] == ' ';
    }

    /** {@code >From } becomes {@code From }, {@code >>From } becomes {@code >From }, and so on. */
    static byte[] unquote(byte[] line) {
        if (line.length == 0 || line[0] != '>') {
            return line;
        }
        int i = 0;
        while (i < line.length && line[i] == '>') {
            i++;
        }
        if (line.length - i >= 5 && line[i] == 'F' && line[i + 1] == 'r' && line[i + 2] == 'o' && line[i + 3] == 'm'
                && line[i + 4] == ' ') {
            return java.util.Arrays.copyOfRange(line, 1, line.length);
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Reads lines including their terminator from its own buffer (no per-byte stream calls), tracking the byte offset.
     * A line is never held longer than the caller's limit: past it, the rest of the line is skipped as it streams by.
     */
    private static final class LineReader {
        /** Kept of a line that was cut: enough to recognise a {@code From } separator. */
        private static final int CUT_PREFIX = 16;

        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private long offset;
        private boolean eof;
        private boolean cut;

        LineReader(InputStream in) {
            this.in = in;
        }

        long offset() {
            return offset;
        }

        /** Whether the last line returned was longer than its limit, so only its first bytes came back. */
        boolean lastLineCut() {
            return cut;
        }

        /**
         * The next line with its terminator, or null at the end of the input. A line longer than {@code maxLength}
         * is read to its end without being kept: its first {@value #CUT_PREFIX} bytes come back and
         * {@link #lastLineCut()} is true.
         */
        byte[] next(int maxLength) throws IOException {
            cut = false;
            byte[] kept = null;
            int keptLength = 0;
            long lineLength = 0;
            while (true) {
                if (pos == limit && (eof || !fill())) {
                    if (lineLength == 0) {
                        return null;
                    }
                    offset += lineLength;
                    return java.util.Arrays.copyOf(kept, keptLength);
                }
                int i = pos;
                while (i < limit && buf[i] != '\n') {
                    i++;
                }
                boolean complete = i < limit;
                int end = complete ? i + 1 : limit;
                int n = end - pos;
                if (lineLength == 0 && complete && n <= maxLength) {
                    byte[] line = java.util.Arrays.copyOfRange(buf, pos, end);
                    pos = end;
                    offset += n;
                    return line;
                }
                if (!cut && lineLength + n > maxLength) {
                    cut = true;
                    int prefix = (int) Math.min(CUT_PREFIX, lineLength + n);
                    byte[] start = new byte[prefix];
                    int fromKept = Math.min(keptLength, prefix);
                    if (fromKept > 0) {
                        System.arraycopy(kept, 0, start, 0, fromKept);
                    }
                    System.arraycopy(buf, pos, start, fromKept, prefix - fromKept);
                    kept = start;
                    keptLength = prefix;
                } else if (!cut) {
                    if (kept == null) {
                        kept = new byte[Math.min(maxLength, Math.max(256, n * 2))];
                    } else if (keptLength + n > kept.length) {
                        kept = java.util.Arrays.copyOf(kept, Math.min(maxLength, Math.max(kept.length * 2, keptLength + n)));
                    }
                    System.arraycopy(buf, pos, kept, keptLength, n);
                    keptLength += n;
                }
                lineLength += n;
                pos = end;
                if (complete) {
                    offset += lineLength;
                    return java.util.Arrays.copyOf(kept, keptLength);
                }
            }
        }

        private boolean fill() throws IOException {
            int read = in.read(buf, 0, buf.length);
            if (read <= 0) {
                eof = true;
                pos = 0;
                limit = 0;
                return false;
            }
            pos = 0;
            limit = read;
            return true;
        }
    }
}
