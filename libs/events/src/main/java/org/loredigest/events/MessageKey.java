package org.loredigest.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Record keys and document ids derived from a mail's Message-ID, so that replays and re-deliveries of the same mail
 * always land on the same key (idempotent consumers, one Elasticsearch document per mail).
 */
public final class MessageKey {

    /** Prefix of keys derived from content because the mail has no usable Message-ID. */
    public static final String CONTENT_PREFIX = "sha256:";

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private MessageKey() {
    }

    /**
     * Normalises a Message-ID header value: surrounding whitespace, comments after the id and angle brackets
     * are removed; case is kept because the local part is case-sensitive. Returns null when nothing usable remains.
     */
    public static String normalize(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        String value = headerValue.strip();
        int open = value.indexOf('<');
        if (open >= 0) {
            int close = value.indexOf('>', open + 1);
            value = close > open ? value.substring(open + 1, close) : value.substring(open + 1);
        }
        // Folding and broken mailers leave whitespace inside ids; it is never part of one.
        value = WHITESPACE.matcher(value).replaceAll("");
        return value.isEmpty() ? null : value;
    }

    /** The key for a mail: its normalised Message-ID, else a hash of its bytes. */
    public static String of(String messageIdHeader, byte[] raw) {
        String id = normalize(messageIdHeader);
        return id != null ? id : fromContent(raw);
    }

    public static String fromContent(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return CONTENT_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Elasticsearch document ids are limited to 512 bytes; very long Message-IDs are hashed. */
    public static String documentId(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length <= 200) {
            return key;
        }
        return fromContent(key.getBytes(StandardCharsets.UTF_8));
    }
}
