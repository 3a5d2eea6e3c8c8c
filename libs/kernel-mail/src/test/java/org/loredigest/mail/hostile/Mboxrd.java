package org.loredigest.mail.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes messages as mboxrd the way public-inbox does, so hostile messages can travel in one mbox batch. */
public final class Mboxrd {

    private static final byte[] SEPARATOR = "From mboxrd@z Thu Jan  1 00:00:00 1970\n".getBytes(StandardCharsets.US_ASCII);

    private Mboxrd() {
    }

    public static byte[] write(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            append(out, message);
        }
        return out.toByteArray();
    }

    /**
     * The separator line, the message with {@code ^>*From } lines quoted by one more {@code >}, a newline if the
     * message lacks a final one, and the empty line that ends every mboxrd message.
     */
    public static void append(ByteArrayOutputStream out, byte[] message) {
        out.writeBytes(SEPARATOR);
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
