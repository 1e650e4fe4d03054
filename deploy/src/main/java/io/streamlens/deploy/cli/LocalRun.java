package io.streamlens.deploy.cli;

import io.streamlens.deploy.LocalOutputs;
import io.streamlens.deploy.TopicDump;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.sinks.FrameLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Steps shared by the commands that run the job on this machine and write files. */
final class LocalRun {
    private LocalRun() {
    }

    /** Clears what an earlier run left in the output folder, so files hold this run only. */
    static void prepareOutputs(Path out) throws IOException {
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve(LocalOutputs.FRAMES_FILE));
        Files.deleteIfExists(out.resolve(LocalOutputs.DEAD_LETTER_FILE));
        deleteRecursively(out.resolve("thumbnails"));
    }

    /**
     * Writes the dead-letter topic to {@code deadletter.jsonl} and prints a summary.
     *
     * @return whether any input failed
     */
    static boolean finish(KafkaClientConfig kafka, String deadLetterTopic, Path out) throws IOException {
        List<String> letters = TopicDump.readAll(kafka, deadLetterTopic);
        TopicDump.writeLines(letters, out.resolve(LocalOutputs.DEAD_LETTER_FILE));
        Path frames = out.resolve(LocalOutputs.FRAMES_FILE);
        Map<String, Long> perStream = new TreeMap<>();
        if (Files.exists(frames)) {
            try (Stream<String> lines = Files.lines(frames)) {
                perStream.putAll(lines.map(l -> Json.read(l, FrameLine.class).streamId())
                        .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
            }
        }
        perStream.forEach((stream, count) -> System.out.printf("  %-24s %5d sampled frames%n", stream, count));
        for (String letter : letters) {
            DeadLetter d = Json.read(letter, DeadLetter.class);
            System.out.printf("  ✗ %s (segment %d): %s — %s%n", d.streamId(), d.seq(), d.reason(), d.detail());
        }
        System.out.println("outputs in " + out.toAbsolutePath());
        return !letters.isEmpty();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
