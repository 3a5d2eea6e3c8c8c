package org.loredigest.ingest.domain.dedup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record keys this instance published recently, with their content digests, bounded to the most recent
 * {@code capacity} keys (least recently seen are forgotten first). Sources claim a key before publishing; a claim
 * made in a batch that is then not stored is released, so a failed batch never hides mail from another source.
 * See ADR 0003 for what this does and does not guarantee.
 */
public final class SeenMessages {

    /** What a claim found. */
    public enum Verdict {
        /** Not seen: the caller owns the key and publishes the mail. */
        NEW,
        /** The same key with the same content: a copy of a mail already published (or being published). */
        DUPLICATE,
        /** The same key with different content: another mail reusing the Message-ID. */
        COLLISION
    }

    private record Claim(String digest, Object owner) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Claim> entries;

    public SeenMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Claim> eldest) {
                return size() > SeenMessages.this.capacity;
            }
        };
    }

    /** Claims {@code key} for {@code owner} (a batch token) unless it is already known. */
    public synchronized Verdict claim(String key, String digest, Object owner) {
        Claim existing = entries.get(key);
        if (existing == null) {
            entries.put(key, new Claim(digest, owner));
            return Verdict.NEW;
        }
        return existing.digest().equals(digest) ? Verdict.DUPLICATE : Verdict.COLLISION;
    }

    /** Forgets the keys {@code owner} claimed, because its batch was not stored. */
    public synchronized void release(Collection<String> keys, Object owner) {
        for (String key : keys) {
            Claim entry = entries.get(key);
            if (entry != null && entry.owner() == owner) {
                entries.remove(key);
            }
        }
    }

    /** Records a key read back from the topic (already stored, owned by nobody). */
    public synchronized void remember(String key, String digest) {
        entries.putIfAbsent(key, new Claim(digest, null));
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }
}
