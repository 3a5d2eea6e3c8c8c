package org.loredigest.ingest.domain.source;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.loredigest.ingest.domain.MboxImport;

/**
 * One configured source.
 *
 * @param name         unique name; also the checkpoint key and part of the Kafka transactional id
 * @param type         how it is read
 * @param list         short lore list name the mail is published for
 * @param url          inbox URL ({@code https://lore.kernel.org/linux-mm/}, optionally with {@code ?q=QUERY} for
 *                     http) or, for {@code dir}, the mirror directory
 * @param pollInterval time between polls
 * @param since        http only: first day of the backfill (null: follow new mail only)
 * @param origin       {@code config} or {@code api}
 */
public record SourceSpec(String name, SourceType type, String list, String url, Duration pollInterval,
                         LocalDate since, String origin) {

    public static final String ORIGIN_CONFIG = "config";
    public static final String ORIGIN_API = "api";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public SourceSpec {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("source name must be 1-64 lower-case letters, digits, '.', '-', '_'"
                    + " starting with a letter or digit, got: " + name);
        }
        MboxImport.requireListName(list);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source " + name + " needs a url");
        }
        if (type != SourceType.DIR && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("source " + name + " of type " + type.id()
                    + " needs an http(s) inbox URL, got: " + url);
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("source " + name + " needs a positive poll interval");
        }
        origin = origin == null ? ORIGIN_CONFIG : origin;
    }

    /** The inbox URL without query, ending with '/'. */
    public String inboxUrl() {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        return base.endsWith("/") ? base : base + "/";
    }

    /** The {@code q=} search of an http source URL, or null for the whole inbox. */
    public String query() {
        int q = url.indexOf("?q=");
        if (q < 0) {
            return null;
        }
        String query = url.substring(q + 3);
        int amp = query.indexOf('&');
        return java.net.URLDecoder.decode(amp < 0 ? query : query.substring(0, amp), java.nio.charset.StandardCharsets.UTF_8);
    }
}
