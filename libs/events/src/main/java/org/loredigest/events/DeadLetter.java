package org.loredigest.events;

import java.time.Instant;
import java.util.Map;

/**
 * Something could not be processed. Value of a {@code *.dlq} topic, keyed like the record that failed, so an
 * operator can see what failed, where and why, and replay it after a fix.
 *
 * @param originalTopic topic the failed record came from (or was meant for)
 * @param key           key of the failed record
 * @param stage         the service and step that gave up, e.g. {@code classify-service/parse}
 * @param reason        human-readable reason
 * @param errorType     class of the error, for grouping
 * @param failedAt      when it failed
 * @param headers       the failed record's headers
 * @param payload       the failed record's value, untouched
 */
public record DeadLetter(
        String originalTopic,
        String key,
        String stage,
        String reason,
        String errorType,
        Instant failedAt,
        Map<String, String> headers,
        byte[] payload) {

    public DeadLetter {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
