package org.loredigest.classify.evaluation;

import org.loredigest.classify.domain.classify.Classification;
import org.loredigest.events.ThreadClassified;

/**
 * The four evaluated labels of one thread.
 *
 * @param published {@code true} for a topic the topology published; {@code false} when the thread was classified
 *                  directly because the topology does not publish it (a bot-only report)
 */
record Outcome(ThreadClassified.Label type, ThreadClassified.Label severity, ThreadClassified.Label security,
               ThreadClassified.Label fixStatus, boolean published) {

    static Outcome of(ThreadClassified t) {
        return new Outcome(t.type(), t.severity(), t.security(), t.fixStatus(), true);
    }

    static Outcome direct(Classification c) {
        return new Outcome(c.type().toLabel(), c.severity().toLabel(), c.security().toLabel(), c.fixStatus().toLabel(),
                false);
    }

    ThreadClassified.Label label(String field) {
        return switch (field) {
            case "type" -> type;
            case "severity" -> severity;
            case "security" -> security;
            case "fixStatus" -> fixStatus;
            default -> throw new IllegalArgumentException(field);
        };
    }
}
