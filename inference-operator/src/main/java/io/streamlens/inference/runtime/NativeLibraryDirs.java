package io.streamlens.inference.runtime;

import java.nio.file.Path;

/**
 * Keeps native libraries loadable when a Flink session cluster runs a second job in the same
 * TaskManager JVM. Each job gets its own classloader, and the JVM lets one native library file be
 * loaded by one classloader only ("already loaded in another classloader"). DJL's tokenizers
 * extract their library to one fixed cache folder, so a job restarted from a savepoint would fail
 * there; pointing that folder at one per classloader gives each job its own copy of the file.
 * Where the classes come from the application classpath (the CLI, tests), nothing changes.
 */
public final class NativeLibraryDirs {
    private static final String DJL_ENGINE_CACHE = "ENGINE_CACHE_DIR";

    private NativeLibraryDirs() {
    }

    /** Call before the first DJL tokenizer of this classloader is made. */
    public static synchronized void isolateDjl() {
        ClassLoader loader = NativeLibraryDirs.class.getClassLoader();
        if (loader == ClassLoader.getSystemClassLoader() || System.getenv(DJL_ENGINE_CACHE) != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "streamlens-djl-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(System.identityHashCode(loader)));
        System.setProperty(DJL_ENGINE_CACHE, dir.toString());
    }
}
