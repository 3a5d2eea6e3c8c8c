package org.loredigest.classify.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.loredigest.events.EventJson;

/**
 * One hand-labelled topic (reasoning in docs/classification-labels.md).
 *
 * @param mbox the corpus file the thread is in, where a set spans several files
 */
record Labelled(String rootMessageId, String subject, String type, String severity, String security, String fixStatus,
                String why, String mbox) {

    static List<Labelled> load(String resource) {
        try (InputStream in = Labelled.class.getResourceAsStream(resource)) {
            return EventJson.mapper().readValue(in, new TypeReference<List<Labelled>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /**
     * The split of a source into dev and held out, fixed before any rule was tuned on it: held out when the last hex
     * digit of the SHA-256 of the root Message-ID is odd. Not correlated with date, author or size.
     */
    boolean heldOut() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(rootMessageId.getBytes(StandardCharsets.UTF_8));
            return (hash[hash.length - 1] & 1) == 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String expected(String field) {
        return switch (field) {
            case "type" -> type;
            case "severity" -> severity;
            case "security" -> security;
            case "fixStatus" -> fixStatus;
            default -> throw new IllegalArgumentException(field);
        };
    }
}
