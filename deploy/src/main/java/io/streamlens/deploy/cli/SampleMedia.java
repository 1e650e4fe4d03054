package io.streamlens.deploy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Debian sample videos that {@code dev/fetch-media} unpacks under {@code .media/}. */
final class SampleMedia {
    private SampleMedia() {
    }

    static List<Path> videos() throws IOException {
        Path root = Path.of(System.getProperty("streamlens.media", ".media"));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(mp4|avi|mpeg|mpg|ogg|mkv|webm|mov)$"))
                    .sorted().toList();
        }
    }
}
