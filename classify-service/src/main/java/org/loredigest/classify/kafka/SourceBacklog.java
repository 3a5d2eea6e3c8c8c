package org.loredigest.classify.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.loredigest.events.MailHeaders;

/**
 * The header {@link MailHeaders#SOURCE_BACKLOG}: set by ingest-service on received mail, kept by Kafka Streams on
 * everything a mail's processing forwards (join notices, rerouted mail, drafts), and set by thread state on the drafts
 * of a flush it made while sources still had much to read.
 */
final class SourceBacklog {

    private SourceBacklog() {
    }

    /** The entries the source still had to read, or -1 when the record does not say (or says nonsense). */
    static long of(Headers headers) {
        Header h = headers.lastHeader(MailHeaders.SOURCE_BACKLOG);
        if (h == null || h.value() == null) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(new String(h.value(), StandardCharsets.UTF_8).strip()));
        } catch (NumberFormatException e) {
            return -1; // another producer's notion: the lag alone decides
        }
    }
}
