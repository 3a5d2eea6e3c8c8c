package org.loredigest.report.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Collapses one consumed batch of a keyed, versioned topic to the record of each key that decides the read model, so
 * superseded versions are neither parsed nor indexed. A key's records are taken in offset order (a key lives in one
 * partition): a tombstone that comes last wins; otherwise, among the records after the last tombstone, the highest
 * version wins (ties: the later offset). Versions, not offsets, decide because several producers write one key — the
 * series stage of two titles may publish the same thread, the older title's stale copy arriving last — and the index
 * keeps the highest version anyway. Records without a key are never collapsed: each is handed on (and dead-lettered
 * by the caller).
 */
final class NewestPerKey {

    /**
     * @param candidates per key, its records best first, in the order of each key's first record in the batch;
     *                   callers take the first one they can use (an unreadable record falls back to the next)
     * @param collapsed  records beyond the deciding one of their key
     */
    record Collapsed<K, V>(List<Deque<ConsumerRecord<K, V>>> candidates, int collapsed) {
    }

    private record Slot(String topic, int partition, Object key) {
    }

    private NewestPerKey() {
    }

    /** Offsets alone decide (every record the same version). */
    static <K, V> Collapsed<K, V> of(Iterable<ConsumerRecord<K, V>> batch) {
        return of(batch, r -> 0L);
    }

    /**
     * @param version the version a record carries (asked only for records with a value; a record whose version
     *                cannot be read should answer {@link Long#MIN_VALUE}, so that it is tried last)
     */
    static <K, V> Collapsed<K, V> of(Iterable<ConsumerRecord<K, V>> batch, ToLongFunction<ConsumerRecord<K, V>> version) {
        Map<Slot, List<ConsumerRecord<K, V>>> byKey = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        int records = 0;
        for (ConsumerRecord<K, V> record : batch) {
            records++;
            if (record.key() == null) {
                order.add(record);
                continue;
            }
            byKey.computeIfAbsent(new Slot(record.topic(), record.partition(), record.key()), slot -> {
                List<ConsumerRecord<K, V>> created = new ArrayList<>();
                order.add(created);
                return created;
            }).add(record);
        }
        List<Deque<ConsumerRecord<K, V>>> candidates = new ArrayList<>();
        for (Object entry : order) {
            if (entry instanceof ConsumerRecord<?, ?>) {
                @SuppressWarnings("unchecked")
                ConsumerRecord<K, V> single = (ConsumerRecord<K, V>) entry;
                candidates.add(new ArrayDeque<>(List.of(single)));
            } else {
                @SuppressWarnings("unchecked")
                List<ConsumerRecord<K, V>> versions = (List<ConsumerRecord<K, V>>) entry;
                candidates.add(best(versions, version));
            }
        }
        return new Collapsed<>(List.copyOf(candidates), records - candidates.size());
    }

    private static <K, V> Deque<ConsumerRecord<K, V>> best(List<ConsumerRecord<K, V>> records,
                                                           ToLongFunction<ConsumerRecord<K, V>> version) {
        List<ConsumerRecord<K, V>> byOffset = new ArrayList<>(records);
        byOffset.sort(Comparator.comparingLong(ConsumerRecord::offset)); // batches come in offset order; not relied on
        ConsumerRecord<K, V> last = byOffset.get(byOffset.size() - 1);
        if (last.value() == null) {
            Deque<ConsumerRecord<K, V>> out = new ArrayDeque<>();
            for (int i = byOffset.size() - 1; i >= 0; i--) {
                out.add(byOffset.get(i));
            }
            return out;
        }
        int lastTombstone = -1;
        for (int i = 0; i < byOffset.size(); i++) {
            if (byOffset.get(i).value() == null) {
                lastTombstone = i;
            }
        }
        List<ConsumerRecord<K, V>> live = new ArrayList<>(byOffset.subList(lastTombstone + 1, byOffset.size()));
        Map<ConsumerRecord<K, V>, Long> versions = new java.util.IdentityHashMap<>();
        live.forEach(r -> versions.put(r, version.applyAsLong(r)));
        live.sort(Comparator.<ConsumerRecord<K, V>>comparingLong(versions::get).thenComparingLong(ConsumerRecord::offset)
                .reversed());
        return new ArrayDeque<>(live);
    }
}
