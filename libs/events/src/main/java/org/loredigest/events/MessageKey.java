package org.loredigest.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The forms of record keys and document ids. A mail's key is its Message-ID as kernel-mail's {@code MessageIds}
 * normalises it (the one rule for keys, document ids and thread links), else {@link #fromContent} of its bytes; a
 * second, different mail reusing a Message-ID is keyed by its content digest ({@link #CONTENT_PREFIX}{@code <hex>}).
 * Downstream the key is the mail's identity: replays and re-deliveries land on the same key (idempotent consumers,
 * one Elasticsearch document per mail), and two mails that share a Message-ID keep two identities.
 */
public final class MessageKey {

    /** Prefix of keys derived from content: the mail has no usable Message-ID, or another mail took its id first. */
    public static final String CONTENT_PREFIX = "sha256:";

    private MessageKey() {
    }

    public static String fromContent(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return CONTENT_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Elasticsearch document ids are limited to 512 bytes; very long keys are hashed. */
    public static String documentId(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length <= 200) {
            return key;
        }
        return fromContent(key.getBytes(StandardCharsets.UTF_8));
    }
}
