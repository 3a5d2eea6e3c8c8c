package org.loredigest.classify.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all RocksDB state stores of this process, outside the Java heap: by default every store
 * of every task gets its own 50 MB block cache and three 16 MB memtables, so the process's resident size grows with
 * the number of stores times partitions. Here all of them share one block cache, and memtables are charged to it
 * (the bounded-memory set-up of the Kafka Streams memory management guide).
 *
 * <p>The budget is read from the Streams configuration the first time a store is configured ({@link #TOTAL_BYTES},
 * {@link #MEMTABLE_BYTES}); later stores share what the first one created.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams config: block cache, index and filter blocks and memtables together, in bytes. */
    public static final String TOTAL_BYTES = "lore.rocksdb.total.bytes";
    /** Streams config: the part of {@link #TOTAL_BYTES} memtables may take before the writing store flushes. */
    public static final String MEMTABLE_BYTES = "lore.rocksdb.memtable.bytes";
    static final long DEFAULT_TOTAL_BYTES = 16L * 1024 * 1024;
    static final long DEFAULT_MEMTABLE_BYTES = 8L * 1024 * 1024;
    /** One store's memtable flushes at this size even when the shared budget has room. */
    static final long MAX_MEMTABLE_PER_STORE_BYTES = 4L * 1024 * 1024;
    /**
     * Memtables take memory from their arena in blocks of this size (RocksDB's default is an eighth of the write
     * buffer, 512 KB here). Every store of every partition holds at least one block once written to, so with the
     * default the stores' empty memtables alone (27 at 3 partitions) were over the shared budget, and every write
     * flushed its store: thousands of tiny files per store and partition on a backfill, each merged again and again.
     */
    static final long ARENA_BLOCK_BYTES = 64L * 1024;
    /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
    static final double INDEX_FILTER_RATIO = 0.1;

    /** Shared by every store instance of this JVM; never closed per store, it lives as long as the process. */
    private record Budget(long memtableBytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    private static Budget budget;

    private static synchronized Budget budget(Map<String, Object> configs) {
        if (budget == null) {
            long total = bytes(configs, TOTAL_BYTES, DEFAULT_TOTAL_BYTES);
            long memtables = bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES);
            if (memtables >= total) {
                throw new IllegalArgumentException(MEMTABLE_BYTES + " (" + memtables + ") must be less than "
                        + TOTAL_BYTES + " (" + total + ")");
            }
            Cache cache = new LRUCache(total, -1, false, INDEX_FILTER_RATIO);
            budget = new Budget(memtables, cache, new WriteBufferManager(memtables, cache));
        }
        return budget;
    }

    static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            long bytes = Long.parseLong(value.toString().trim());
            if (bytes <= 0) {
                throw new IllegalArgumentException(key + " must be positive, was " + bytes);
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of bytes, was '" + value + "'", e);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Budget shared = budget(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(Math.min(MAX_MEMTABLE_PER_STORE_BYTES, shared.memtableBytes() / 2));
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared: see above
    }
}
