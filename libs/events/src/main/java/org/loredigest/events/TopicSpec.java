package org.loredigest.events;

import java.util.Map;
import java.util.Objects;

/**
 * How one topic is made: its partition count when it is created, and the topic-level configs it must have. Every
 * service creates and checks topics from the same specs ({@link Topics#SPECS}), so which service starts first does
 * not matter.
 *
 * @param name       the topic
 * @param partitions partitions when created (an existing topic keeps its count: more partitions move keys)
 * @param configs    topic-level configs, e.g. {@code max.message.bytes}, {@code cleanup.policy}
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
        configs = configs == null ? Map.of() : Map.copyOf(configs);
    }
}
