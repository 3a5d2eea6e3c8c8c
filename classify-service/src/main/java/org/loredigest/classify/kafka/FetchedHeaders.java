package org.loredigest.classify.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Headers of a fetched record read their key and value lazily from the buffer of the whole record (for a received
 * mail, the mail itself). Kafka Streams keeps a record's headers with every entry its record cache holds, so a cached
 * store written while processing a record would keep that whole record alive: thousands of mails, enough to exhaust
 * a small heap during a backfill. Reading each header once copies its bytes and drops the buffer.
 */
final class FetchedHeaders {

    private FetchedHeaders() {
    }

    /** Copies every header's key and value out of the record buffer they were read from. */
    static void detach(Headers headers) {
        for (Header header : headers) {
            header.key();
            header.value();
        }
    }
}
