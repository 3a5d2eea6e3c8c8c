package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedRocksDbMemoryTest {

    @Test
    void budgetIsReadFromTheStreamsConfigsOrFallsBack() {
        assertThat(BoundedRocksDbMemory.bytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES, "16777216"),
                BoundedRocksDbMemory.TOTAL_BYTES, 1)).isEqualTo(16L * 1024 * 1024);
        assertThat(BoundedRocksDbMemory.bytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES, 1024L),
                BoundedRocksDbMemory.TOTAL_BYTES, 1)).isEqualTo(1024);
        assertThat(BoundedRocksDbMemory.bytes(Map.of(), BoundedRocksDbMemory.MEMTABLE_BYTES, 7)).isEqualTo(7);
        assertThat(BoundedRocksDbMemory.bytes(Map.of(BoundedRocksDbMemory.MEMTABLE_BYTES, " "),
                BoundedRocksDbMemory.MEMTABLE_BYTES, 7)).isEqualTo(7);
    }

    @Test
    void aBudgetThatIsNoNumberOfBytesIsRefusedByName() {
        assertThatThrownBy(() -> BoundedRocksDbMemory.bytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES, "32MB"),
                BoundedRocksDbMemory.TOTAL_BYTES, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES).hasMessageContaining("'32MB'");
        assertThatThrownBy(() -> BoundedRocksDbMemory.bytes(Map.of(BoundedRocksDbMemory.MEMTABLE_BYTES, "0"),
                BoundedRocksDbMemory.MEMTABLE_BYTES, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
