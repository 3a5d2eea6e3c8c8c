package org.loredigest.ingest.domain.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.loredigest.events.MessageKey;
import org.loredigest.ingest.domain.RawHeaders;

/**
 * A hash of what makes a mail this mail, leaving out what each delivery adds: the same message fetched from two
 * lists (or from git and from HTTP) carries different Received, List-Id and DKIM headers but the same From, Date,
 * Subject and body. Two different mails that share a Message-ID (broken mailers, resends) differ here. Like
 * public-inbox's own content hash, it is a heuristic: a list that appends a footer to the body makes copies differ.
 */
public final class ContentDigest {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String[] IDENTITY_HEADERS = {"From", "Date", "Subject"};

    private ContentDigest() {
    }

    /** {@code sha256:<hex>}, the same form as content-derived record keys. */
    public static String of(byte[] raw) {
        MessageDigest sha = sha256();
        for (String name : IDENTITY_HEADERS) {
            String value = RawHeaders.first(raw, name);
            sha.update(name.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            if (value != null) {
                sha.update(SPACES.matcher(value).replaceAll(" ").getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) '\n');
        }
        int body = bodyStart(raw);
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

    /** Index of the first body byte (after the empty line ending the header section), or the length. */
    static int bodyStart(byte[] raw) {
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
