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
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Block cache, index and filter blocks and memtables together. */
    static final long TOTAL_OFF_HEAP_BYTES = 32L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 8L * 1024 * 1024;
    /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
    static final double INDEX_FILTER_RATIO = 0.1;

    // Shared by every store instance of this JVM; never closed per store, they live as long as the process.
    private static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, INDEX_FILTER_RATIO);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(MEMTABLE_BYTES / 2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared: see above
    }
}
