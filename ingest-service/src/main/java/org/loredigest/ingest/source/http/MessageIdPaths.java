package org.loredigest.ingest.source.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Message-IDs in public-inbox URLs ({@code INBOX/MESSAGE-ID/raw}): escaped like public-inbox's {@code mid_escape},
 * i.e. every byte outside the URL-safe set becomes {@code %XX}; '+' stays '+' (it is common in ids and is not a
 * space here).
 */
final class MessageIdPaths {

    private static final String SAFE = "-._~!$&'()*+,;=:@";

    private MessageIdPaths() {
    }

    static String escape(String messageId) {
        StringBuilder out = new StringBuilder();
        for (byte b : messageId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SAFE.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String unescape(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                out.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The Message-ID of an entry link {@code INBOX/ID/}, or null when the link points elsewhere. */
    static String fromLink(String href, String inboxUrl) {
        // Compare raw paths only: the feed may name the host differently from the configured URL.
        String base = java.net.URI.create(inboxUrl).getRawPath();
        base = base.endsWith("/") ? base : base + "/";
        String path;
        try {
            path = java.net.URI.create(href).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null || !path.startsWith(base)) {
            return null;
        }
        String rest = path.substring(base.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty() || rest.contains("/")) {
            return null;
        }
        return unescape(rest);
    }
}
