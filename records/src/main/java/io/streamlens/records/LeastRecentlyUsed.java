package io.streamlens.records;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entry once it holds more than a bound: per-stream
 * memory kept outside Flink state (carried findings, shedding delays, viewer segments), which
 * endless or forged stream ids must not grow without end. Not thread-safe.
 */
public final class LeastRecentlyUsed {
    private LeastRecentlyUsed() {
    }

    public static <K, V> Map<K, V> map(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a bounded map holds at least one entry, got " + maxEntries);
        }
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }
}
