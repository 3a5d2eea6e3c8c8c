package org.loredigest.ingest.domain;

import java.time.Instant;

/**
 * Input that could not become a {@code MailReceived} record.
 *
 * @param list           list it was meant for
 * @param source         source it came from
 * @param sourcePosition where in the source
 * @param reason         why it was rejected
 * @param receivedAt     when it was read
 * @param payload        what could be kept of it (may be truncated or empty for oversized input)
 */
public record RejectedMail(String list, String source, String sourcePosition, String reason, Instant receivedAt,
                           byte[] payload) {
}
