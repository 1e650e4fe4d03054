package io.streamlens.inference.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a pack's files come from: a folder, or resources inside jars for the built-in packs (read
 * straight from the classpath, never copied out).
 */
public interface PackSource {

    /** Names the source in messages: a folder path or {@code built-in NAME}. */
    String describe();

    /** The bytes of {@code pack.json}, if there is one. */
    Optional<byte[]> manifest() throws IOException;

    boolean exists(String file);

    byte[] read(String file) throws IOException;

    /** The file's path when it is a real file, so ONNX Runtime can find external weights beside it. */
    Optional<Path> path(String file);

    static PackSource directory(Path dir) {
        return new Directory(dir.toAbsolutePath().normalize());
    }

    /**
     * Resources on the classpath: the manifest at {@code manifestResource}, files named relative to
     * {@code fileRoot} (empty for the classpath root, where the model jars keep their files).
     */
    static PackSource classpath(String name, String manifestResource, String fileRoot) {
        return new Classpath(name, manifestResource, fileRoot);
    }

    /** A pack folder on disk. */
    record Directory(Path dir) implements PackSource {

        @Override
        public String describe() {
            return dir.toString();
        }

        @Override
        public Optional<byte[]> manifest() throws IOException {
            Path manifest = dir.resolve("pack.json");
            return Files.isRegularFile(manifest) ? Optional.of(Files.readAllBytes(manifest)) : Optional.empty();
        }

        @Override
        public boolean exists(String file) {
            return Files.isRegularFile(resolve(file));
        }

        @Override
        public byte[] read(String file) throws IOException {
            return Files.readAllBytes(resolve(file));
        }

        @Override
        public Optional<Path> path(String file) {
            return Optional.of(resolve(file));
        }

        private Path resolve(String file) {
            Path p = dir.resolve(file).normalize();
            if (!p.startsWith(dir)) {
                throw new IllegalArgumentException("file '" + file + "' lies outside the pack folder");
            }
            return p;
        }
    }

    /** A built-in pack on the classpath. */
    record Classpath(String name, String manifestResource, String fileRoot) implements PackSource {

        @Override
        public String describe() {
            return "built-in " + name;
        }

        @Override
        public Optional<byte[]> manifest() throws IOException {
            return readResource(manifestResource);
        }

        @Override
        public boolean exists(String file) {
            return loader().getResource(fileRoot + file) != null;
        }

        @Override
        public byte[] read(String file) throws IOException {
            return readResource(fileRoot + file).orElseThrow(
                    () -> new IOException("no resource " + fileRoot + file + " on the classpath"));
        }

        @Override
        public Optional<Path> path(String file) {
            return Optional.empty();
        }

        private Optional<byte[]> readResource(String resource) throws IOException {
            try (InputStream in = loader().getResourceAsStream(resource)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        }

        private static ClassLoader loader() {
            // The loader of this module: in Flink, the user-code loader that also holds the model jars.
            return PackSource.class.getClassLoader();
        }
    }
}
