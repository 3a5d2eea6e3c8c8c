package org.loredigest.classify.domain.summary.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.loredigest.events.ThreadSummarised;

/**
 * Accepted answers by content hash, least recently used dropped first. Filled from the compacted summaries topic
 * at start, so a restarted service or a replayed backlog asks the model only about content it has not seen.
 */
public final class SummaryCache {

    private final int capacity;
    private final Map<String, ThreadSummarised> byHash;

    public SummaryCache(int capacity) {
        this.capacity = capacity;
        this.byHash = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ThreadSummarised> eldest) {
                return size() > SummaryCache.this.capacity;
            }
        };
    }

    public synchronized Optional<ThreadSummarised> get(String contentHash) {
        return Optional.ofNullable(byHash.get(contentHash));
    }

    public synchronized void put(ThreadSummarised summarised) {
        byHash.put(summarised.contentHash(), summarised);
    }

    public synchronized int size() {
        return byHash.size();
    }

    public int capacity() {
        return capacity;
    }
}
