package org.loredigest.mail.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A message as ISO-8859-1 text, so every byte maps to exactly one char and back: mutations can use string operations
 * without ever changing bytes they did not mean to touch (NULs and invalid UTF-8 survive the round trip).
 */
final class MailText {

    private final String header;
    private final String body;

    private MailText(String header, String body) {
        this.header = header;
        this.body = body;
    }

    static MailText of(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int blank = all.indexOf("\n\n");
        int blankCrlf = all.indexOf("\r\n\r\n");
        if (blankCrlf >= 0 && (blank < 0 || blankCrlf < blank)) {
            return new MailText(all.substring(0, blankCrlf + 2).replace("\r\n", "\n"), all.substring(blankCrlf + 4));
        }
        if (blank < 0) {
            return new MailText(all.endsWith("\n") ? all : all + "\n", "");
        }
        return new MailText(all.substring(0, blank + 1), all.substring(blank + 2));
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Header lines, each ending in a newline. */
    String header() {
        return header;
    }

    String body() {
        return body;
    }

    byte[] toBytes() {
        return bytes(header + "\n" + body);
    }

    MailText withBody(String newBody) {
        return new MailText(header, newBody);
    }

    MailText withHeader(String newHeader) {
        return new MailText(newHeader.endsWith("\n") || newHeader.isEmpty() ? newHeader : newHeader + "\n", body);
    }

    /** Removes every field called {@code name} (with its continuation lines). */
    MailText without(String name) {
        StringBuilder kept = new StringBuilder(header.length());
        boolean dropping = false;
        for (String line : header.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (!continuation) {
                dropping = isField(line, name);
            }
            if (!dropping) {
                kept.append(line).append('\n');
            }
        }
        return new MailText(kept.toString(), body);
    }

    /** Replaces every field called {@code name} by one field with {@code value} (added at the end when absent). */
    MailText with(String name, String value) {
        return without(name).adding(name, value);
    }

    MailText adding(String name, String value) {
        return new MailText(header + name + ": " + value + "\n", body);
    }

    MailText prepending(String name, String value) {
        return new MailText(name + ": " + value + "\n" + header, body);
    }

    /** The first value of a field, unfolded, or null. */
    String get(String name) {
        String[] lines = header.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (isField(lines[i], name)) {
                StringBuilder value = new StringBuilder(lines[i].substring(name.length() + 1).strip());
                for (int j = i + 1; j < lines.length && !lines[j].isEmpty()
                        && (lines[j].charAt(0) == ' ' || lines[j].charAt(0) == '\t'); j++) {
                    value.append(' ').append(lines[j].strip());
                }
                return value.toString();
            }
        }
        return null;
    }

    private static boolean isField(String line, String name) {
        return line.length() > name.length() && line.charAt(name.length()) == ':'
                && line.substring(0, name.length()).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
}
