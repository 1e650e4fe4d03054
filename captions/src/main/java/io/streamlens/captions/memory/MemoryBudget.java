package io.streamlens.captions.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a stream's question memory within its window count and token byte budget. Trimming
 * happens in batches, once the memory is a quarter over its window count or over its byte budget:
 * rewriting a RocksDB list on every caption would cost more than it saves. A trim keeps the newest
 * windows and takes the visual tokens of the oldest of those until the tokens fill at most three
 * quarters of the budget. Plain Java.
 */
public final class MemoryBudget {
    private final int maxWindows;
    private final long maxTokenBytes;

    public MemoryBudget(MemoryOptions options) {
        this.maxWindows = options.windows();
        this.maxTokenBytes = options.tokenBytes();
    }

    /** Whether a memory of {@code windows} entries holding {@code tokenBytes} must be trimmed now. */
    public boolean mustTrim(int windows, long tokenBytes) {
        return windows > maxWindows + maxWindows / 4 || tokenBytes > maxTokenBytes;
    }

    /** The entries to keep, oldest first, from a memory in time order (a list, or a keyed list state's contents). */
    public List<MemoryEntry> trim(Iterable<MemoryEntry> memory) {
        List<MemoryEntry> all = new ArrayList<>();
        memory.forEach(all::add);
        List<MemoryEntry> kept = new ArrayList<>(all.subList(Math.max(0, all.size() - maxWindows), all.size()));
        long bytes = tokenBytes(kept);
        for (int i = 0; i < kept.size() && bytes > maxTokenBytes * 3 / 4; i++) {
            bytes -= kept.get(i).tokenBytes();
            kept.set(i, kept.get(i).withoutTokens());
        }
        return kept;
    }

    public static long tokenBytes(List<MemoryEntry> entries) {
        return entries.stream().mapToLong(MemoryEntry::tokenBytes).sum();
    }
}
