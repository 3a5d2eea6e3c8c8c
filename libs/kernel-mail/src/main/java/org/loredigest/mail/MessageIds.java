package org.loredigest.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.loredigest.mail.header.RawHeader;

/**
 * Message-ID handling as public-inbox and b4 do it: ids are compared without angle brackets and surrounding
 * whitespace; a header may carry several ids (References) or junk around the id (In-Reply-To with a comment).
 *
 * <p>{@link #normalize} is the one Message-ID rule of the pipeline: ingest-service derives Kafka record keys with it,
 * the parser the Message-ID that becomes the Elasticsearch document id, and In-Reply-To/References, so that every
 * spelling of one id names one mail.
 */
public final class MessageIds {

    /** Suffix of ids made up for messages without a usable Message-ID. */
    public static final String FALLBACK_DOMAIN = "@fallback.lore-digest.invalid";

    private MessageIds() {
    }

    /**
     * The first id in a header value: the innermost angle-bracket pair, without comments and without whitespace
     * (folding splits long ids; an id never contains whitespace); {@code null} when there is none. Case is kept: the
     * local part is case-sensitive. {@code "<a@b>"}, {@code " a@b "}, {@code "a@b (comment)"},
     * {@code "<a@b> (added by list)"}, {@code "<a\n @b>"}, {@code "<<a@b>>"}, {@code "<Name <a@b>>"} and a cut-off
     * {@code "<a@b"} all give {@code "a@b"}.
     */
    public static String normalize(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        String id;
        int open = headerValue.indexOf('<');
        int close = open < 0 ? -1 : headerValue.indexOf('>', open + 1);
        if (close > open) {
            // "<Name <id>" (a broken mailer) and "<<id>>" mean the innermost bracket pair
            open = headerValue.lastIndexOf('<', close);
            id = stripInnerWhitespace(headerValue.substring(open + 1, close));
        } else if (open >= 0) {
            // the closing bracket was cut off: what follows the last '<', less a trailing comment
            id = stripInnerWhitespace(withoutComments(headerValue.substring(headerValue.lastIndexOf('<') + 1)));
        } else {
            // a bare id, perhaps followed by a comment or other words: its first word
            id = withoutComments(headerValue).strip();
            int space = indexOfWhitespace(id);
            if (space > 0) {
                id = id.substring(0, space);
            }
        }
        return id.isEmpty() ? null : id;
    }

    /**
     * The normalised Message-ID of a message, read from its scanned header exactly as {@link MailParser} reads it (so a
     * record key derived from it is the parsed mail's id); {@code null} when it has none.
     */
    public static String ofMessage(RawHeader header) {
        return normalize(header.get("message-id"));
    }

    /**
     * All ids of a References-like header in order, without duplicates, each read as {@link #normalize} reads one.
     * Ids are taken from angle brackets; a value without any brackets is split on whitespace after its comments are
     * removed (some mailers write bare ids).
     */
    public static List<String> parseList(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        int pos = 0;
        boolean sawBracket = false;
        while (true) {
            int open = headerValue.indexOf('<', pos);
            if (open < 0) {
                break;
            }
            int close = headerValue.indexOf('>', open + 1);
            sawBracket = true;
            if (close < 0) {
                // the last id lost its closing bracket: the rest is that id, as normalize reads it
                String id = normalize(headerValue.substring(open));
                if (id != null) {
                    ids.add(id);
                }
                break;
            }
            open = headerValue.lastIndexOf('<', close);
            String id = stripInnerWhitespace(headerValue.substring(open + 1, close).strip());
            if (!id.isEmpty()) {
                ids.add(id);
            }
            pos = close + 1;
        }
        if (!sawBracket) {
            for (String token : withoutComments(headerValue).strip().split("[\\s,]+")) {
                if (token.indexOf('@') > 0) {
                    ids.add(token);
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** A stable id for a message without Message-ID: the same bytes always give the same id. */
    public static String fallbackId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(digest, 0, 16) + FALLBACK_DOMAIN;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A stable id derived from header facts (used when the body alone should not change the id). */
    public static String fallbackId(String... parts) {
        return fallbackId(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isFallback(String id) {
        return id != null && id.endsWith(FALLBACK_DOMAIN);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The value without RFC 5322 comments ({@code (...)}, nested or cut off at the end). */
    private static String withoutComments(String value) {
        if (value.indexOf('(') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Folding sometimes splits a long id over two lines; the id itself never contains whitespace. */
    private static String stripInnerWhitespace(String id) {
        if (indexOfWhitespace(id) < 0) {
            return id;
        }
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
