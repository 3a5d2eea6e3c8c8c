package org.loredigest.report.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Deque;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class NewestPerKeyTest {

    private static final String TOPIC = "lore.thread.classified.v1";

    @Test
    void keepsTheNewestRecordOfEachKeyAndCountsTheRest() {
        var batch = List.of(record(0, 10, "a", "a1"), record(0, 11, "b", "b1"), record(0, 12, "a", "a2"),
                record(1, 5, "c", "c1"), record(0, 13, "a", "a3"));

        var collapsed = NewestPerKey.of(batch);

        assertThat(newest(collapsed.candidates())).containsExactly("a3", "b1", "c1");
        assertThat(collapsed.collapsed()).isEqualTo(2);
        assertThat(collapsed.candidates().get(0)).extracting(ConsumerRecord::value).containsExactly("a3", "a2", "a1");
    }

    @Test
    void aTombstoneThatComesLastWinsAndAVersionAfterATombstoneWinsOverIt() {
        var batch = List.of(record(0, 1, "a", "a1"), record(0, 2, "a", null), record(0, 3, "b", null),
                record(0, 4, "b", "b2"));

        var collapsed = NewestPerKey.of(batch);

        assertThat(collapsed.candidates()).hasSize(2);
        assertThat(collapsed.candidates().get(0).peekFirst().value()).isNull();
        assertThat(collapsed.candidates().get(1).peekFirst().value()).isEqualTo("b2");
        assertThat(collapsed.collapsed()).isEqualTo(2);
    }

    /** Two series-stage tasks publish one thread: the stale copy of the older title arrives last. */
    @Test
    void theHighestVersionAfterTheLastTombstoneWinsNotTheLastOffset() {
        var batch = List.of(record(0, 1, "a", "a:3000"), record(0, 2, "a", "a:4000"), record(0, 3, "a", "a:3001"),
                record(0, 4, "b", "b:9000"), record(0, 5, "b", null), record(0, 6, "b", "b:1000"), record(0, 7, "b", "b:2000"));

        var collapsed = NewestPerKey.of(batch, r -> Long.parseLong(r.value().substring(2)));

        assertThat(collapsed.candidates().get(0)).extracting(ConsumerRecord::value).containsExactly("a:4000", "a:3001", "a:3000");
        assertThat(collapsed.candidates().get(1)).extracting(ConsumerRecord::value).containsExactly("b:2000", "b:1000");
        assertThat(collapsed.collapsed()).isEqualTo(5);
    }

    @Test
    void offsetsDecideNotTheOrderOfTheBatch() {
        var collapsed = NewestPerKey.of(List.of(record(0, 9, "a", "a9"), record(0, 3, "a", "a3"), record(0, 7, "a", "a7")));

        assertThat(collapsed.candidates().get(0)).extracting(ConsumerRecord::value).containsExactly("a9", "a7", "a3");
    }

    @Test
    void recordsWithoutAKeyAreEachKeptAndTheSameKeyInAnotherPartitionIsNotMerged() {
        var batch = List.of(record(0, 1, null, "x"), record(0, 2, null, "y"), record(0, 3, "a", "a0"),
                record(1, 3, "a", "a1"));

        var collapsed = NewestPerKey.of(batch);

        assertThat(newest(collapsed.candidates())).containsExactly("x", "y", "a0", "a1");
        assertThat(collapsed.collapsed()).isZero();
    }

    @Test
    void anEmptyBatchCollapsesToNothing() {
        var collapsed = NewestPerKey.<String, String>of(List.of());

        assertThat(collapsed.candidates()).isEmpty();
        assertThat(collapsed.collapsed()).isZero();
    }

    private static List<String> newest(List<Deque<ConsumerRecord<String, String>>> candidates) {
        return candidates.stream().map(versions -> versions.peekFirst().value()).toList();
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, String key, String value) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key, value);
    }
}
