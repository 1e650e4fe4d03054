package io.streamlens.inference.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
    @TempDir
    Path root;

    @Test
    void unpacksOnceAndNeverUsesAFolderItDidNotComplete() throws Exception {
        // A folder left half-written under the model's name (not by ModelCache's rename) must not be used.
        Path first = ModelCache.modelDirectory(SpeechClips.CACHE);
        Path squatter = root.resolve(first.getFileName());
        Files.createDirectories(squatter.resolve("am"));

        List<CompletableFuture<Path>> racers = List.of(
                CompletableFuture.supplyAsync(() -> ModelCache.modelDirectory(root)),
                CompletableFuture.supplyAsync(() -> ModelCache.modelDirectory(root)));
        Path unpacked = racers.get(0).get();

        assertThat(racers.get(1).get()).isEqualTo(unpacked).isEqualTo(squatter);
        assertThat(unpacked.resolve(".complete")).exists();
        assertThat(unpacked.resolve("am/final.mdl")).hasSize(Files.size(first.resolve("am/final.mdl")));
        try (var entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.contains(".unpacking-"))
                    .anyMatch(name -> name.contains(".stale-"));
        }
    }
}
