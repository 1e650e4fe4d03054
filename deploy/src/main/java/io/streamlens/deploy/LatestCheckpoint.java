package io.streamlens.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the newest completed checkpoint under a checkpoint folder, to resume from after a crash. */
public final class LatestCheckpoint {
    private LatestCheckpoint() {
    }

    /** The newest {@code <job>/chk-N} folder holding a {@code _metadata} file, if any. */
    public static Optional<Path> find(Path checkpointDir) throws IOException {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(checkpointDir, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .max(Comparator.comparingLong(LatestCheckpoint::modified));
        }
    }

    /**
     * Deletes the folders of earlier runs' jobs under {@code checkpointDir}, keeping the one that
     * holds {@code latest}. Safe because a run resumes in Flink's default no-claim mode: its first
     * checkpoint is a full one, so nothing of an earlier job's folder is referenced once a later
     * job has checkpointed, and the folder of the newest checkpoint is the one kept. Only folders
     * named as Flink names jobs (32 hex digits) are touched.
     *
     * @return the folders deleted
     */
    public static java.util.List<Path> pruneEarlierJobs(Path checkpointDir, Path latest) throws IOException {
        Path keep = latest.toAbsolutePath().normalize().getParent();
        java.util.List<Path> deleted = new java.util.ArrayList<>();
        try (Stream<Path> jobs = Files.list(checkpointDir)) {
            for (Path job : jobs.filter(Files::isDirectory).toList()) {
                if (job.getFileName().toString().matches("[0-9a-f]{32}") && !job.toAbsolutePath().normalize().equals(keep)) {
                    deleteTree(job);
                    deleted.add(job);
                }
            }
        }
        return deleted;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
