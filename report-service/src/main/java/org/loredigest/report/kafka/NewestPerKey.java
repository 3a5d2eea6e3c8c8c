package org.loredigest.report.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Collapses one consumed batch of a keyed, last-one-wins topic to the newest record of each key, so superseded
 * versions are neither parsed nor indexed. "Newest" is the higher offset within the record's partition (a key lives
 * in one partition); a tombstone that comes last wins like any other record. Records without a key are never
 * collapsed: each is handed on (and dead-lettered by the caller).
 */
final class NewestPerKey {

    /**
     * @param candidates per key, its records newest first, in the order of each key's first record in the batch;
     *                   callers take the first one they can use (an unreadable newest record falls back to the one
     *                   before it, as if the batch had been split there)
     * @param collapsed  records beyond the newest of their key
     */
    record Collapsed<K, V>(List<Deque<ConsumerRecord<K, V>>> candidates, int collapsed) {
    }

    private record Slot(String topic, int partition, Object key) {
    }

    private NewestPerKey() {
    }

    static <K, V> Collapsed<K, V> of(Iterable<ConsumerRecord<K, V>> batch) {
        Map<Slot, Deque<ConsumerRecord<K, V>>> byKey = new LinkedHashMap<>();
        List<Deque<ConsumerRecord<K, V>>> candidates = new ArrayList<>();
        int records = 0;
        for (ConsumerRecord<K, V> record : batch) {
            records++;
            if (record.key() == null) {
                candidates.add(new ArrayDeque<>(List.of(record)));
                continue;
            }
            Deque<ConsumerRecord<K, V>> versions = byKey.computeIfAbsent(
                    new Slot(record.topic(), record.partition(), record.key()), slot -> {
                        Deque<ConsumerRecord<K, V>> created = new ArrayDeque<>();
                        candidates.add(created);
                        return created;
                    });
            insertNewestFirst(versions, record);
        }
        return new Collapsed<>(List.copyOf(candidates), records - candidates.size());
    }

    /** Batches come in offset order; this keeps the rule independent of it. */
    private static <K, V> void insertNewestFirst(Deque<ConsumerRecord<K, V>> versions, ConsumerRecord<K, V> record) {
        if (versions.isEmpty() || Objects.requireNonNull(versions.peekFirst()).offset() < record.offset()) {
            versions.addFirst(record);
            return;
        }
        List<ConsumerRecord<K, V>> ordered = new ArrayList<>(versions);
        int at = 0;
        while (at < ordered.size() && ordered.get(at).offset() > record.offset()) {
            at++;
        }
        ordered.add(at, record);
        versions.clear();
        versions.addAll(ordered);
    }
}
