package org.loredigest.ingest.domain.source;

import java.time.Duration;

/**
 * How sources batch and retry.
 *
 * @param maxMessageBytes larger messages are dead-lettered
 * @param batchSize       records per transaction (a checkpoint is committed at least this often)
 * @param batchAge        a transaction is committed at the next entry boundary after this long
 * @param maxBackoff      longest wait between polls of a failing source
 */
public record SourceSettings(int maxMessageBytes, int batchSize, Duration batchAge, Duration maxBackoff) {
}
