package io.streamlens.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Debian sample media that {@code dev/fetch-media} unpacks under {@code .media/} (or where the
 * {@code streamlens.media} system property points): real footage for tests and benchmarks.
 */
public final class SampleMedia {
    public static final String COCKATOO = "imageio/cockatoo.mp4";
    public static final String REALSHORT = "imageio/realshort.mp4";
    public static final String PHONE_1080P = "forensics/VID_20191220_170832.mp4";
    public static final String HELLO_MP4 = "forensics/movie-hello.mp4";
    public static final String HELLO_AVI = "forensics/movie-hello.avi";
    public static final String HELLO_MPEG2 = "forensics/movie-hello.mpeg";
    public static final String HELLO_THEORA = "forensics/movie-hello.ogg";
    public static final String ASTRONAUT = "images/astronaut.png";
    /** darknet's photo of an eagle in flight, one bird (Debian package darknet). */
    public static final String EAGLE_PHOTO = "images/eagle.jpg";

    private SampleMedia() {
    }

    public static Path root() {
        return Path.of(System.getProperty("streamlens.media", ".media"));
    }

    /** A sample file, or a clear error saying how to get it. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample media " + file.toAbsolutePath() + " is missing: run ./dev/fetch-media");
        }
        return file;
    }

    /** Every sample video there is. */
    public static List<Path> videos() {
        if (!Files.isDirectory(root())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(mp4|avi|mpeg|mpg|ogg|mkv|webm|mov)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
