package org.loredigest.mail.mbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes messages as mboxrd the way public-inbox exports them, so that {@link MboxReader} reads them back unchanged. */
public final class MboxrdWriter {

    private static final byte[] SEPARATOR = "From mboxrd@z Thu Jan  1 00:00:00 1970\n".getBytes(StandardCharsets.US_ASCII);

    private MboxrdWriter() {
    }

    /** The messages as one mboxrd file. */
    public static byte[] write(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (byte[] message : messages) {
                append(out, message);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /**
     * The separator line, the message with {@code ^>*From } lines quoted by one more {@code >}, a newline if the
     * message lacks a final one, and the empty line that ends every mboxrd message.
     */
    public static void append(OutputStream out, byte[] message) throws IOException {
        out.write(SEPARATOR);
        int lineStart = 0;
        while (lineStart < message.length) {
            int lineEnd = lineStart;
            while (lineEnd < message.length && message[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = Math.min(message.length, lineEnd + 1);
            if (quoted(message, lineStart)) {
                out.write('>');
            }
            out.write(message, lineStart, next - lineStart);
            lineStart = next;
        }
        if (message.length == 0 || message[message.length - 1] != '\n') {
            out.write('\n');
        }
        out.write('\n');
    }

    private static boolean quoted(byte[] message, int at) {
        int i = at;
        while (i < message.length && message[i] == '>') {
            i++;
        }
        return message.length - i >= 5 && message[i] == 'F' && message[i + 1] == 'r' && message[i + 2] == 'o'
                && message[i + 3] == 'm' && message[i + 4] == ' ';
    }
}
