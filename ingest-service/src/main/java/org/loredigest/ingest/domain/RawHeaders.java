package org.loredigest.ingest.domain;

import java.nio.charset.StandardCharsets;

/**
 * Reads single header values from raw message bytes without parsing the whole message: ingestion only needs the
 * Message-ID to derive the record key, and must stay cheap and byte-exact.
 */
public final class RawHeaders {

    private RawHeaders() {
    }

    /** The unfolded value of the first header named {@code name} (case-insensitive), or null. */
    public static String first(byte[] raw, String name) {
        int n = raw.length;
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = endOfLine(raw, lineStart);
            if (isBlank(raw, lineStart, lineEnd)) {
                return null; // end of the header section
            }
            if (matchesName(raw, lineStart, lineEnd, name)) {
                StringBuilder value = new StringBuilder();
                value.append(text(raw, lineStart + name.length() + 1, lineEnd));
                int next = nextLine(raw, lineEnd);
                while (next < n && (raw[next] == ' ' || raw[next] == '\t')) {
                    int end = endOfLine(raw, next);
                    value.append(' ').append(text(raw, next, end));
                    next = nextLine(raw, end);
                }
                return value.toString().strip();
            }
            lineStart = nextLine(raw, lineEnd);
        }
        return null;
    }

    private static boolean matchesName(byte[] raw, int start, int end, String name) {
        int len = name.length();
        if (end - start <= len || raw[start + len] != ':') {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (Character.toLowerCase((char) raw[start + i]) != Character.toLowerCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] raw, int start, int end) {
        return new String(raw, start, Math.max(0, end - start), StandardCharsets.UTF_8).strip();
    }

    /** Index of the '\n' (or '\r' of "\r\n") ending the line, or the array length. */
    private static int endOfLine(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i > from && raw[i - 1] == '\r' ? i - 1 : i;
            }
        }
        return raw.length;
    }

    private static int nextLine(byte[] raw, int lineEnd) {
        int i = lineEnd;
        if (i < raw.length && raw[i] == '\r') {
            i++;
        }
        return i < raw.length ? i + 1 : i;
    }

    private static boolean isBlank(byte[] raw, int start, int end) {
        return start == end;
    }
}
