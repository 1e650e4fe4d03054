package io.streamlens.inference.runtime;

import io.streamlens.inference.RuntimeOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One instance of each model (the object detector, the face detector, each model pack through
 * {@link io.streamlens.inference.SharedSessions}) per JVM and runtime options, shared by every task
 * slot, so that its batcher batches across streams; closed when the last user lets go. A model is
 * opened under this class's lock: a second slot waits for the first one's load instead of loading
 * its own copy.
 *
 * <pre>{@code
 * SharedModels.Handle<ObjectDetector> objects = SharedModels.acquire("nanodet-g", runtime,
 *         r -> ObjectDetector.open(r, DetectionOptions.DEFAULTS));
 * objects.model().detectAsync(frame);
 * objects.close();
 * }</pre>
 */
public final class SharedModels {
    private record Key(String name, RuntimeOptions options) {
    }

    private static final class Entry {
        final AutoCloseable model;
        int users;

        Entry(AutoCloseable model) {
            this.model = model;
        }
    }

    private static final Map<Key, Entry> OPEN = new HashMap<>();

    private SharedModels() {
    }

    /** A user's hold on a shared model; closing it lets go. */
    public static final class Handle<T extends AutoCloseable> implements AutoCloseable {
        private final T model;
        private final Runnable release;
        private boolean closed;

        Handle(T model, Runnable release) {
            this.model = model;
            this.release = release;
        }

        public T model() {
            return model;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release.run();
            }
        }
    }

    /** The model named {@code name} for these options, opened by {@code open} if no slot holds it yet. */
    @SuppressWarnings("unchecked")
    public static synchronized <T extends AutoCloseable> Handle<T> acquire(String name, RuntimeOptions options,
                                                                          Function<RuntimeOptions, T> open) {
        Key key = new Key(name, options);
        Entry entry = OPEN.computeIfAbsent(key, k -> new Entry(open.apply(options)));
        entry.users++;
        return new Handle<>((T) entry.model, () -> release(key, entry));
    }

    /** How many shared models whose name starts with {@code prefix} are open. */
    public static synchronized int openCount(String prefix) {
        return (int) OPEN.keySet().stream().filter(k -> k.name().startsWith(prefix)).count();
    }

    private static synchronized void release(Key key, Entry entry) {
        if (--entry.users == 0) {
            OPEN.remove(key, entry);
            try {
                entry.model.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing shared model " + key.name() + " failed", e);
            }
        }
    }
}
