package org.loredigest.classify.kafka;

import org.loredigest.events.DeadLetter;

/** A processing result inside the topology: a value to pass on, or a dead letter for what could not be processed. */
record Routed<V>(V value, DeadLetter deadLetter) {

    static <V> Routed<V> ok(V value) {
        return new Routed<>(value, null);
    }

    static <V> Routed<V> dead(DeadLetter letter) {
        return new Routed<>(null, letter);
    }

    boolean failed() {
        return deadLetter != null;
    }
}
