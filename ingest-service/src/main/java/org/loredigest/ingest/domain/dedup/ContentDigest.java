package org.loredigest.ingest.domain.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.loredigest.events.MessageKey;
import org.loredigest.mail.header.RawHeader;

/**
 * A hash of what makes a mail this mail, leaving out what each delivery adds: the same message fetched from two
 * lists (or from git and from HTTP) carries different Received, List-Id and DKIM headers but the same From, Date,
 * Subject and body. Two different mails that share a Message-ID (broken mailers, resends) differ here. Like
 * public-inbox's own content hash, it is a heuristic: a list that appends a footer to the body makes copies differ.
 *
 * <p>Digests are stored with published records and read back into the duplicate filter after a restart, so the value
 * for given bytes never changes: field values are read line by line as lenient UTF-8, and lines that are not fields
 * are skipped up to the empty line (where the parser would start the body).
 */
public final class ContentDigest {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String[] IDENTITY_FIELDS = {"From", "Date", "Subject"};

    private ContentDigest() {
    }

    /** {@code sha256:<hex>}, the same form as content-derived record keys. */
    public static String of(RawHeader header) {
        byte[] raw = header.raw();
        String[] values = new String[IDENTITY_FIELDS.length];
        RawHeader part = header;
        collect(part, values);
        while (part.malformedLine()) {
            part = RawHeader.scan(raw, nextLine(raw, part.bodyOffset()));
            collect(part, values);
        }
        MessageDigest sha = sha256();
        for (int k = 0; k < IDENTITY_FIELDS.length; k++) {
            sha.update(IDENTITY_FIELDS[k].getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            if (values[k] != null) {
                sha.update(SPACES.matcher(values[k]).replaceAll(" ").getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) '\n');
        }
        int body = opensWithEmptyLine(raw) ? headerlessBodyStart(raw) : part.bodyOffset();
        int end = raw.length;
        while (end > body && isSpace(raw[end - 1])) {
            end--; // mbox writers and archives differ in trailing newlines
        }
        int run = body;
        for (int i = body; i < end; i++) {
            if (raw[i] == '\r') { // CRLF and LF copies hash alike; runs between CRs go in whole (per-byte is slow)
                sha.update(raw, run, i - run);
                run = i + 1;
            }
        }
        sha.update(raw, run, end - run);
        return MessageKey.CONTENT_PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    /** Fills the identity fields still missing from the fields of {@code part}; the first of each name wins. */
    private static void collect(RawHeader part, String[] values) {
        for (int i = 0; i < part.fieldCount(); i++) {
            for (int k = 0; k < IDENTITY_FIELDS.length; k++) {
                if (values[k] == null && part.name(i).equalsIgnoreCase(IDENTITY_FIELDS[k])) {
                    values[k] = value(part.raw(), part.valueStart(i), part.valueEnd(i));
                }
            }
        }
    }

    /** The value's lines, each read as UTF-8 (bad bytes replaced) and trimmed, joined by spaces. */
    private static String value(byte[] raw, int start, int end) {
        StringBuilder value = new StringBuilder();
        int line = start;
        while (true) {
            int lineEnd = line;
            while (lineEnd < end && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            if (line > start) {
                value.append(' ');
            }
            value.append(new String(raw, line, lineEnd - line, StandardCharsets.UTF_8).strip());
            if (lineEnd >= end) {
                return value.toString().strip();
            }
            line = lineEnd + 1;
        }
    }

    private static int nextLine(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    private static boolean opensWithEmptyLine(byte[] raw) {
        return raw.length > 0 && (raw[0] == '\n' || raw[0] == '\r' && raw.length > 1 && raw[1] == '\n');
    }

    /**
     * Where the body of mail without a header (it opens with an empty line) starts: the rule the first digests used,
     * kept exactly because stored digests depend on it.
     */
    private static int headerlessBodyStart(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                int next = i + 1;
                if (next < raw.length && raw[next] == '\r') {
                    next++;
                }
                if (next < raw.length && raw[next] == '\n') {
                    return next + 1;
                }
                if (i == 0) {
                    return 1;
                }
            }
        }
        return raw.length;
    }

    private static boolean isSpace(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
