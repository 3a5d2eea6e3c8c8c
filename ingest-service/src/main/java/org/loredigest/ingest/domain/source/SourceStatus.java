package org.loredigest.ingest.domain.source;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one source, as {@code GET /api/sources} shows it.
 *
 * @param name                source name
 * @param type                git, dir or http
 * @param list                list it feeds
 * @param url                 inbox URL or directory
 * @param state               {@code starting}, {@code polling}, {@code idle}, {@code failing} or {@code stopped}
 * @param position            the committed cursor
 * @param lag                 entries known at the remote and not yet read (-1: unknown)
 * @param published           mail published since the source was created (from its checkpoint)
 * @param duplicates          copies skipped since this instance started
 * @param deadLettered        items sent to the dead-letter topic since this instance started
 * @param skipped             deletions and other deliberately skipped entries since this instance started
 * @param messagesPerSecond   publishing rate of the last poll that published something
 * @param lastPollAt          start of the last poll
 * @param lastSuccessAt       end of the last poll that succeeded
 * @param lastCommitAt        last checkpoint commit
 * @param consecutiveFailures polls failed in a row
 * @param lastError           message of the last failure, null after a success; {@link #HIDDEN_ERROR} for callers
 *                            without the API key
 */
public record SourceStatus(String name, String type, String list, String url, String state,
                           Map<String, String> position, long lag, long published, long duplicates,
                           long deadLettered, long skipped, double messagesPerSecond, Instant lastPollAt,
                           Instant lastSuccessAt, Instant lastCommitAt, int consecutiveFailures, String lastError) {

    /** What callers without the API key see instead of an error message. */
    public static final String HIDDEN_ERROR = "(hidden: requests with the API key see the error)";

    /** This status without diagnostic detail: an error message can name hosts, paths and server answers. */
    public SourceStatus withoutDiagnostics() {
        return lastError == null ? this : new SourceStatus(name, type, list, url, state, position, lag, published,
                duplicates, deadLettered, skipped, messagesPerSecond, lastPollAt, lastSuccessAt, lastCommitAt,
                consecutiveFailures, HIDDEN_ERROR);
    }
}
