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
            pendingLine = lines.next();
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
            tooLarge = append(body, pendingLine, tooLarge);
        }
        pendingLine = null;
        byte[] line;
        while (true) {
            long lineOffset = lines.offset();
            line = lines.next();
            if (line == null) {
                break;
            }
            if (isSeparator(line)) {
                pendingLine = line;
                pendingLineOffset = lineOffset;
                break;
            }
            tooLarge = append(body, unquote(line), tooLarge);
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

    /** Reads lines including their terminator from its own buffer (no per-byte stream calls), tracking the byte offset. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private long offset;
        private boolean eof;

        LineReader(InputStream in) {
            this.in = in;
        }

        long offset() {
            return offset;
        }

        byte[] next() throws IOException {
            byte[] carry = null;
            int carryLength = 0;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        if (carryLength == 0) {
                            return null;
                        }
                        offset += carryLength;
                        return java.util.Arrays.copyOf(carry, carryLength);
                    }
                }
                int i = pos;
                while (i < limit && buf[i] != '\n') {
                    i++;
                }
                boolean complete = i < limit;
                int end = complete ? i + 1 : limit;
                int n = end - pos;
                if (carry == null && complete) {
                    byte[] line = java.util.Arrays.copyOfRange(buf, pos, end);
                    pos = end;
                    offset += n;
                    return line;
                }
                if (carry == null) {
                    carry = new byte[Math.max(256, n * 2)];
                } else if (carryLength + n > carry.length) {
                    carry = java.util.Arrays.copyOf(carry, Math.max(carry.length * 2, carryLength + n));
                }
                System.arraycopy(buf, pos, carry, carryLength, n);
                carryLength += n;
                pos = end;
                if (complete) {
                    offset += carryLength;
                    return java.util.Arrays.copyOf(carry, carryLength);
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
