package io.streamlens.deploy.cli;

import io.streamlens.deploy.TopicDump;
import io.streamlens.events.chapters.VideoSummary;
import io.streamlens.records.Alert;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Json;
import io.streamlens.sinks.Subtitles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The files a local run leaves: captions, subtitles, answers, alerts and dead letters, from the topics. */
final class OutputFiles {
    static final String CAPTIONS = "captions.jsonl";
    static final String ANSWERS = "answers.jsonl";
    static final String DEAD_LETTERS = "deadletter.jsonl";
    static final String ALERTS = "alerts.jsonl";
    static final String CHAPTERS_VTT = ".chapters.vtt";
    static final String SUMMARY_MD = ".summary.md";
    static final String SUMMARY_JSON = ".summary.json";

    private OutputFiles() {
    }

    /** Clears what an earlier run left in the output folder, so the files hold this run only. */
    static void prepare(Path out) throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".jsonl") || name.endsWith(".vtt") || name.endsWith(".srt")
                        || name.endsWith(SUMMARY_MD) || name.endsWith(SUMMARY_JSON)) {
                    Files.delete(f);
                }
            }
        }
        deleteRecursively(out.resolve("thumbnails"));
    }

    /** Captions by stream, each stream's in time order, deduplicated by caption id. */
    static Map<String, List<Caption>> byStream(List<String> captionLines) {
        Map<String, Caption> unique = new LinkedHashMap<>();
        captionLines.stream().map(l -> Json.read(l, Caption.class)).forEach(c -> unique.putIfAbsent(c.captionId(), c));
        return unique.values().stream()
                .sorted(Comparator.comparing(Caption::streamId).thenComparingLong(Caption::startMs))
                .collect(Collectors.groupingBy(Caption::streamId, LinkedHashMap::new, Collectors.toList()));
    }

    /** {@code name.jsonl}, {@code name.vtt} and {@code name.srt} for one stream's captions. */
    static void writeStream(Path out, String name, List<Caption> captions, Subtitles.Kind subtitles) throws IOException {
        writeLines(out.resolve(name + ".jsonl"), captions.stream().map(Json::write).toList());
        write(out.resolve(name + ".vtt"), Subtitles.webVtt(captions, subtitles));
        write(out.resolve(name + ".srt"), Subtitles.srt(captions, subtitles));
    }

    /** {@code name.chapters.vtt}, {@code name.summary.md} and {@code name.summary.json} for one stream. */
    static void writeSummary(Path out, String name, List<Caption> captions, List<Alert> alerts) throws IOException {
        VideoSummary summary = VideoSummary.of(name, captions, alerts.stream().filter(a -> a.streamId().equals(name)).toList());
        write(out.resolve(name + CHAPTERS_VTT), Subtitles.webVttChapters(summary.chapters()));
        write(out.resolve(name + SUMMARY_MD), summary.markdown());
        write(out.resolve(name + SUMMARY_JSON), Json.write(summary));
    }

    static void writeLines(Path file, List<String> lines) throws IOException {
        TopicDump.writeLines(lines, file);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static List<DeadLetter> deadLetters(List<String> lines) {
        return lines.stream().map(l -> Json.read(l, DeadLetter.class)).toList();
    }

    /**
     * One alert per episode, as it stands last (closed, with its end, once it has closed), by stream
     * and start: the topic carries an episode's open and its close under one id.
     */
    static List<Alert> alerts(List<String> lines) {
        Map<String, Alert> latest = new LinkedHashMap<>();
        lines.stream().map(l -> Json.read(l, Alert.class)).forEach(a -> latest.merge(a.alertId(), a, (was, now) -> was.open() ? now : was));
        return latest.values().stream().sorted(Comparator.comparing(Alert::streamId).thenComparingLong(Alert::startMs)
                .thenComparing(Alert::ruleId)).toList();
    }

    static List<Answer> answers(List<String> lines) {
        return lines.stream().map(l -> Json.read(l, Answer.class)).toList();
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
