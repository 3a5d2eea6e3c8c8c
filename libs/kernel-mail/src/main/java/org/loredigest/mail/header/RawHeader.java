package org.loredigest.mail.header;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header section of a message, split into fields without decoding their values.
 *
 * <p>List mail carries dozens of transport fields (Received, ARC-*, DKIM-Signature) that nobody reads; this
 * scanner only records where each field is and turns a value into a string when asked, which keeps the
 * header-only path cheap. Values are unfolded; RFC 2047 decoding is left to {@link HeaderText}.
 */
public final class RawHeader {

    private final byte[] raw;
    private final String[] names;
    private final int[] starts;
    private final int[] ends;
    private final int count;
    private final int bodyOffset;
    private final boolean malformedLine;

    private RawHeader(byte[] raw, String[] names, int[] starts, int[] ends, int count, int bodyOffset, boolean malformedLine) {
        this.raw = raw;
        this.names = names;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.bodyOffset = bodyOffset;
        this.malformedLine = malformedLine;
    }

    /** Splits the header section; a leading mbox {@code From } line is skipped. */
    public static RawHeader scan(byte[] raw) {
        int pos = 0;
        if (raw.length >= 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            pos = lineEnd(raw, 0);
        }
        return scan(raw, pos);
    }

    /**
     * Splits the fields that start at offset {@code from} (the start of a line), up to the empty line or the first
     * line that is not a field. For readers that go on past such a line: the parser does not.
     */
    public static RawHeader scan(byte[] raw, int from) {
        int n = raw.length;
        int pos = from;
        String[] names = new String[64];
        int[] starts = new int[64];
        int[] ends = new int[64];
        int count = 0;
        boolean malformed = false;
        int bodyOffset = n;
        while (pos < n) {
            byte b = raw[pos];
            if (b == '\n') {
                bodyOffset = pos + 1;
                break;
            }
            if (b == '\r' && pos + 1 < n && raw[pos + 1] == '\n') {
                bodyOffset = pos + 2;
                break;
            }
            int next = lineEnd(raw, pos);
            if ((b == ' ' || b == '\t') && count > 0) {
                ends[count - 1] = trimLineEnd(raw, pos, next);
                pos = next;
                continue;
            }
            int colon = -1;
            for (int i = pos; i < next; i++) {
                byte c = raw[i];
                if (c == ':') {
                    colon = i;
                    break;
                }
                if (c <= ' ' || c == 127) {
                    break;
                }
            }
            if (colon <= pos) {
                // Not a header line: Python's compat32 parser and mime4j both start the body here.
                malformed = true;
                bodyOffset = pos;
                break;
            }
            if (count == names.length) {
                names = java.util.Arrays.copyOf(names, count * 2);
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            names[count] = asciiLower(raw, pos, colon);
            starts[count] = colon + 1;
            ends[count] = trimLineEnd(raw, pos, next);
            count++;
            pos = next;
        }
        return new RawHeader(raw, names, starts, ends, count, bodyOffset, malformed);
    }

    /** Whether the bytes begin with something that looks like a header field ({@code Name:}). */
    public static boolean startsWithHeaderField(byte[] raw) {
        int pos = 0;
        if (raw.length >= 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            pos = lineEnd(raw, 0);
        }
        int end = lineEnd(raw, pos);
        for (int i = pos; i < end; i++) {
            byte c = raw[i];
            if (c == ':') {
                return i > pos;
            }
            if (c <= ' ' || c == 127) {
                return false;
            }
        }
        return false;
    }

    public int fieldCount() {
        return count;
    }

    /**
     * Offset of the first body byte: after the blank separator line, at the line that ended the header early (see
     * {@link #malformedLine()}), or the length when there is no body.
     */
    public int bodyOffset() {
        return bodyOffset;
    }

    /** A line that is neither a field nor a continuation ended the header early. */
    public boolean malformedLine() {
        return malformedLine;
    }

    public byte[] raw() {
        return raw;
    }

    /** The first value of a field (name case-insensitive), unfolded and trimmed; {@code null} if absent. */
    public String get(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < count; i++) {
            if (names[i].equals(lower)) {
                return value(i);
            }
        }
        return null;
    }

    /** Every value of a field in header order. */
    public List<String> getAll(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < count; i++) {
            if (names[i].equals(lower)) {
                values.add(value(i));
            }
        }
        return values;
    }

    public boolean has(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < count; i++) {
            if (names[i].equals(lower)) {
                return true;
            }
        }
        return false;
    }

    public String name(int index) {
        return names[index];
    }

    public String value(int index) {
        return unfold(raw, starts[index], ends[index]);
    }

    /** Offset of the first byte of a field's value in {@link #raw()}: right after the colon. */
    public int valueStart(int index) {
        return starts[index];
    }

    /** Offset after the last byte of a field's value, continuation lines included, without the final line break. */
    public int valueEnd(int index) {
        return ends[index];
    }

    private static String unfold(byte[] raw, int start, int end) {
        while (start < end && (raw[start] == ' ' || raw[start] == '\t')) {
            start++;
        }
        while (end > start && (raw[end - 1] == ' ' || raw[end - 1] == '\t')) {
            end--;
        }
        boolean ascii = true;
        boolean folded = false;
        for (int i = start; i < end; i++) {
            byte b = raw[i];
            if (b < 0) {
                ascii = false;
            } else if (b == '\n' || b == '\r') {
                folded = true;
            }
        }
        String s = ascii ? new String(raw, start, end - start, StandardCharsets.ISO_8859_1) : decode8bit(raw, start, end);
        if (!folded) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        // a value may begin on a continuation line ("Message-ID:\n <id>"): its indent is not part of it
        int from = 0;
        int to = sb.length();
        while (from < to && (sb.charAt(from) == ' ' || sb.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (sb.charAt(to - 1) == ' ' || sb.charAt(to - 1) == '\t')) {
            to--;
        }
        return sb.substring(from, to);
    }

    /** Raw 8-bit header bytes are almost always UTF-8; anything else is read as windows-1252. */
    static String decode8bit(byte[] raw, int start, int end) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, start, end - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(raw, start, end - start, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private static int lineEnd(byte[] raw, int pos) {
        int n = raw.length;
        for (int i = pos; i < n; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return n;
    }

    private static int trimLineEnd(byte[] raw, int lineStart, int next) {
        int end = next;
        if (end > lineStart && raw[end - 1] == '\n') {
            end--;
        }
        if (end > lineStart && raw[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    private static String asciiLower(byte[] raw, int start, int end) {
        char[] chars = new char[end - start];
        for (int i = start; i < end; i++) {
            int c = raw[i] & 0xff;
            chars[i - start] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return new String(chars);
    }
}
