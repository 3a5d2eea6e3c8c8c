package org.loredigest.classify.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers what a costly function of a text gave (regular expressions over a whole mail), by a 64-bit hash of the
 * text. A thread is classified and summarised again every time it changes, and its older messages are then read
 * anew: their results come from here. Bounded, least recently used out first; safe to share between threads.
 *
 * @param <T> the result; never null (wrap an absent result, e.g. in {@link java.util.Optional})
 */
public final class TextMemo<T> {

    private final Map<Long, T> remembered;

    public TextMemo(int capacity) {
        this.remembered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, T> eldest) {
                return size() > capacity;
            }
        });
    }

    /** {@code compute(text)}, computed once per text while it is remembered. */
    public T apply(String text, Function<String, T> compute) {
        long key = hash64(text);
        T known = remembered.get(key);
        if (known != null) {
            return known;
        }
        T value = compute.apply(text);
        remembered.put(key, value);
        return value;
    }

    /** FNV-1a over the characters and the length: a collision between two mail texts is not a practical concern. */
    public static long hash64(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ ((long) text.length() << 40);
    }
}
