package io.streamlens.inference;

import io.streamlens.inference.runtime.SharedModels;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

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
 * The counting and the lock are {@link SharedModels}': a second slot waits for the first one's load
 * instead of loading its own copy.
 */
public final class SharedSessions {
    /** Names packs among the other shared models. */
    private static final String PACK = "pack ";

    private SharedSessions() {
    }

    /** A built-in pack name or a pack folder, as {@code --model-pack} takes it. */
    public static PackHandle acquire(String nameOrDir, RuntimeOptions options) {
        String location = ModelPack.BUILT_IN.contains(nameOrDir)
                ? "built-in:" + nameOrDir
                : Path.of(nameOrDir).toAbsolutePath().normalize().toString();
        return acquire(location, options, r -> ModelPack.resolve(nameOrDir, r));
    }

    public static PackHandle acquire(Path dir, RuntimeOptions options) {
        Path normal = dir.toAbsolutePath().normalize();
        return acquire(normal.toString(), options, r -> ModelPack.load(normal, r));
    }

    /** Packs currently open in this JVM. */
    public static int openPacks() {
        return SharedModels.openCount(PACK);
    }

    private static PackHandle acquire(String location, RuntimeOptions options, Function<RuntimeOptions, ModelPack> load) {
        Objects.requireNonNull(options, "options");
        SharedModels.Handle<ModelPack> shared = SharedModels.acquire(PACK + location, options, load);
        return new PackHandle(shared.model(), shared::close);
    }
}
