package io.streamlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {
    @TempDir
    Path dir;

    private Path checkpoint(String job, int n, long modifiedMs) throws Exception {
        Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
        Path metadata = Files.writeString(chk.resolve("_metadata"), "m");
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(modifiedMs));
        Files.createDirectories(dir.resolve(job).resolve("shared"));
        return chk;
    }

    @Test
    void theNewestCompletedCheckpointIsFoundAcrossJobs() throws Exception {
        checkpoint("a".repeat(32), 7, 1_000);
        Path newest = checkpoint("b".repeat(32), 2, 2_000);
        Files.createDirectories(dir.resolve("c".repeat(32)).resolve("chk-9")); // no _metadata: incomplete
        assertThat(LatestCheckpoint.find(dir)).contains(newest);
    }

    @Test
    void earlierRunsAreRemovedAndOnlyTheNewestJobAndForeignFilesStay() throws Exception {
        checkpoint("a".repeat(32), 7, 1_000);
        checkpoint("c".repeat(32), 1, 1_500);
        Path newest = checkpoint("b".repeat(32), 2, 2_000);
        Files.createDirectories(dir.resolve("notes"));
        assertThat(LatestCheckpoint.pruneEarlierJobs(dir, newest)).hasSize(2);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("b".repeat(32), "notes");
        }
        assertThat(LatestCheckpoint.find(dir)).contains(newest);
    }
}
