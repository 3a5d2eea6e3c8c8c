package org.loredigest.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail arrived from a source. On {@link Topics#MAIL_RECEIVED} the record key is {@link #key()}, the value is
 * {@link #raw()} byte for byte, and the other fields travel as {@link MailHeaders}.
 *
 * @param key            the mail's identity: its normalised Message-ID, else (no usable id, or another mail already
 *                       published under it) a content hash, see {@link MessageKey}
 * @param list           short lore list name, e.g. {@code cgroups}
 * @param source         where it came from ({@link MailHeaders#SOURCE})
 * @param sourcePosition position inside the source
 * @param receivedAt     when the pipeline received it
 * @param raw            the RFC 5322 message exactly as the source delivered it
 * @param sourceBacklog  how many entries the source still had to read after this one ({@link MailHeaders#SOURCE_BACKLOG}),
 *                       -1 when the source cannot tell
 */
public record MailReceived(String key, String list, String source, String sourcePosition, Instant receivedAt, byte[] raw,
                           long sourceBacklog) {

    /** A mail from a source that does not know how much it has left to read. */
    public MailReceived(String key, String list, String source, String sourcePosition, Instant receivedAt, byte[] raw) {
        this(key, list, source, sourcePosition, receivedAt, raw, -1);
    }

    public MailReceived {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(raw, "raw");
    }
}
