package io.streamlens.inference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One copy of each model pack per JVM, shared by every task slot that uses it, and closed when
 * the last user lets go.
 *
 * <pre>{@code
 * // in a Flink function's open():
 * handle = SharedSessions.acquire(packName, runtimeOptions);
 * vlm = handle.vlm();
 * // in close():
 * handle.close();
 * }</pre>
 *
 * <p>Packs are keyed by location and options, so slots asking for the same pack with the same
 * device and threads share sessions (and batchers, which is what batches requests across streams).
 * A pack is loaded under this class's lock: a second slot waits for the first one's load instead
 * of loading its own copy.
 */
public final class SharedSessions {

    private record Key(String location, RuntimeOptions options) {
    }

    private static final class Entry {
        final ModelPack pack;
        int users;

        Entry(ModelPack pack) {
            this.pack = pack;
        }
    }

    private static final Map<Key, Entry> OPEN = new HashMap<>();

    private SharedSessions() {
    }

    /** A built-in pack name or a pack folder, as {@code --model-pack} takes it. */
    public static PackHandle acquire(String nameOrDir, RuntimeOptions options) {
        String location = ModelPack.BUILT_IN.contains(nameOrDir)
                ? "built-in:" + nameOrDir
                : Path.of(nameOrDir).toAbsolutePath().normalize().toString();
        return acquire(new Key(location, options), () -> ModelPack.resolve(nameOrDir, options));
    }

    public static PackHandle acquire(Path dir, RuntimeOptions options) {
        Path normal = dir.toAbsolutePath().normalize();
        return acquire(new Key(normal.toString(), options), () -> ModelPack.load(normal, options));
    }

    /** Packs currently open in this JVM. */
    public static synchronized int openPacks() {
        return OPEN.size();
    }

    private interface Loader {
        ModelPack load();
    }

    private static synchronized PackHandle acquire(Key key, Loader loader) {
        Objects.requireNonNull(key.options(), "options");
        Entry entry = OPEN.get(key);
        if (entry == null) {
            entry = new Entry(loader.load());
            OPEN.put(key, entry);
        }
        entry.users++;
        Entry acquired = entry;
        return new PackHandle(acquired.pack, () -> release(key, acquired));
    }

    private static synchronized void release(Key key, Entry entry) {
        entry.users--;
        if (entry.users == 0) {
            OPEN.remove(key, entry);
            entry.pack.close();
        }
    }
}
