package io.streamlens.inference;

import io.streamlens.inference.pack.PackKind;
import io.streamlens.inference.runtime.DeviceChoice;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded model pack: a folder with {@code pack.json} and the files it names, or one of the
 * built-in packs ({@code perception}, the default, and {@code tiny-color}). Loading checks
 * everything up front and reports every problem in one {@code InvalidModelPackException}.
 *
 * <pre>{@code
 * try (ModelPack pack = ModelPack.resolve("tiny-color", RuntimeOptions.defaults())) {
 *     VlmPack vlm = (VlmPack) pack;
 *     ...
 * }
 * }</pre>
 *
 * <p>In a Flink job, use {@link SharedSessions#acquire} instead, so that all task slots of a JVM
 * share one copy of the sessions.
 */
public interface ModelPack extends AutoCloseable {

    /** The pack used when none is named. */
    String DEFAULT = "perception";

    /** Names that resolve without a folder. */
    List<String> BUILT_IN = List.of("perception", "tiny-color");

    String name();

    PackKind kind();

    /** The device the sessions run on, and why it differs from the one asked for, if it does. */
    DeviceChoice device();

    /** Releases the sessions, tokenizers and batcher threads. */
    @Override
    void close();

    /** Loads a pack folder with default options. */
    static ModelPack load(Path dir) {
        return load(dir, RuntimeOptions.defaults());
    }

    static ModelPack load(Path dir, RuntimeOptions options) {
        return PackLoader.load(PackLoader.folder(dir), options);
    }

    /** A built-in pack by name: {@code perception} or {@code tiny-color}. */
    static ModelPack builtIn(String name, RuntimeOptions options) {
        return PackLoader.load(PackLoader.builtIn(name), options);
    }

    /** A built-in name, else a folder path, as {@code --model-pack NAME|DIR} takes it. */
    static ModelPack resolve(String nameOrDir, RuntimeOptions options) {
        return BUILT_IN.contains(nameOrDir) ? builtIn(nameOrDir, options) : load(Path.of(nameOrDir), options);
    }
}
