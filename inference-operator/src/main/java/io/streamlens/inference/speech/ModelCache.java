package io.streamlens.inference.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks the Vosk English model, which ships inside the classpath as its Android archive, into a
 * cache folder once per machine: Vosk can only load a model from files. The folder is named after
 * the model's own uuid, so a new model never reuses an old folder, and it appears by one atomic
 * rename of a fully written temporary folder (holding a completion marker), so neither a crash
 * half-way nor several JVMs unpacking at once can leave a half model in use.
 */
public final class ModelCache {
    static final String ARCHIVE = "vosk-model-en.aar";
    private static final String MODEL_PREFIX = "assets/model-en-us/";
    private static final String MARKER = ".complete";

    private ModelCache() {
    }

    /**
     * Where {@code main()} should keep models: {@code -Dstreamlens.cache}, else
     * {@code $XDG_CACHE_HOME/streamlens}, else {@code ~/.cache/streamlens}.
     */
    public static Path defaultRoot() {
        String configured = System.getProperty("streamlens.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("streamlens");
    }

    /** The unpacked model folder under {@code root}, unpacking it first if no complete one is there. */
    public static synchronized Path modelDirectory(Path root) {
        try {
            Files.createDirectories(root);
            Path target = root.resolve("vosk-model-en-" + uuid());
            if (Files.exists(target.resolve(MARKER))) {
                return target;
            }
            // TaskManagers on one machine unpack at the same time: one at a time, the others then find it done.
            try (FileChannel lock = FileChannel.open(root.resolve(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                if (Files.exists(target.resolve(MARKER))) {
                    return target;
                }
                if (Files.exists(target)) {
                    // Not made by this class (it renames only complete folders): move it aside, never use it.
                    Files.move(target, root.resolve(target.getFileName() + ".stale-" + System.nanoTime()));
                }
                Path temporary = Files.createTempDirectory(root, target.getFileName() + ".unpacking-");
                try {
                    unpackInto(temporary);
                    Files.writeString(temporary.resolve(MARKER), "complete\n");
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    deleteIfPresent(temporary);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Vosk model under " + root, e);
        }
    }

    private static String uuid() throws IOException {
        try (ZipInputStream zip = openArchive()) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(MODEL_PREFIX + "uuid")) {
                    return new String(zip.readAllBytes(), StandardCharsets.US_ASCII).trim();
                }
            }
        }
        throw new IOException(ARCHIVE + " holds no " + MODEL_PREFIX + "uuid");
    }

    private static void unpackInto(Path folder) throws IOException {
        int files = 0;
        try (ZipInputStream zip = openArchive()) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory() || !entry.getName().startsWith(MODEL_PREFIX)) {
                    continue;
                }
                Path file = folder.resolve(entry.getName().substring(MODEL_PREFIX.length())).normalize();
                if (!file.startsWith(folder)) {
                    throw new IOException("archive entry escapes the model folder: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
                files++;
            }
        }
        if (files == 0) {
            throw new IOException(ARCHIVE + " holds no files under " + MODEL_PREFIX);
        }
    }

    private static ZipInputStream openArchive() throws IOException {
        InputStream in = ModelCache.class.getResourceAsStream(ARCHIVE);
        if (in == null) {
            throw new IOException(ARCHIVE + " is not on the classpath (inference-operator's build copies it there)");
        }
        return new ZipInputStream(in);
    }

    private static void deleteIfPresent(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
