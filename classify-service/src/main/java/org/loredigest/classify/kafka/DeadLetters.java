package org.loredigest.classify.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailHeaders;

/** Builds dead letters and their Kafka headers. */
final class DeadLetters {

    private DeadLetters() {
    }

    static DeadLetter of(String originalTopic, String key, String stage, Exception e, Headers headers, byte[] payload) {
        Map<String, String> copied = new HashMap<>();
        if (headers != null) {
            for (Header h : headers) {
                copied.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return new DeadLetter(originalTopic, key, stage, reason, e.getClass().getSimpleName(), Instant.now(), copied, payload);
    }

    /** The essentials repeated as headers, so tools can filter without parsing the value. */
    static void addHeaders(Headers headers, DeadLetter letter) {
        headers.remove(MailHeaders.DLQ_REASON);
        headers.remove(MailHeaders.DLQ_STAGE);
        headers.remove(MailHeaders.DLQ_ORIGINAL_TOPIC);
        headers.add(MailHeaders.DLQ_REASON, letter.reason().getBytes(StandardCharsets.UTF_8));
        headers.add(MailHeaders.DLQ_STAGE, letter.stage().getBytes(StandardCharsets.UTF_8));
        headers.add(MailHeaders.DLQ_ORIGINAL_TOPIC, letter.originalTopic().getBytes(StandardCharsets.UTF_8));
    }
}
