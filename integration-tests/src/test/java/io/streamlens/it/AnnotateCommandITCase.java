package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.deploy.cli.StreamLensCli;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./streamlens annotate} as a user runs it: a folder of videos and one broken file. */
class AnnotateCommandITCase {
    private static final Pattern VTT_CUE = Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} --> \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    private static final Pattern SRT_CUE = Pattern.compile("\\d+\\n\\d{2}:\\d{2}:\\d{2},\\d{3} --> \\d{2}:\\d{2}:\\d{2},\\d{3}");

    @TempDir
    Path dir;

    @Test
    void everyGoodVideoGetsCaptionsAndSubtitlesAndTheBrokenOneAReason() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive/2024"));
        SampleClip.write(archive.resolve("signs.mp4"), SampleClip.DEMO_SHOTS, 640, 360, 25, 25);
        Files.copy(SampleMedia.file(SampleMedia.REALSHORT), archive.resolve("realshort.mp4"));
        Files.writeString(archive.resolve("notes.txt"), "not a video, and not named like one: skipped");
        Path broken = Files.writeString(dir.resolve("broken.mp4"), "not a video either, but named as one");
        Path out = dir.resolve("out");

        int status = StreamLensCli.commandLine().execute("annotate", "--out", out.toString(),
                dir.resolve("archive").toString(), broken.toString());

        assertThat(status).as("an input failed").isEqualTo(1);
        List<Caption> signs = Files.readAllLines(out.resolve("signs.jsonl")).stream().map(l -> Json.read(l, Caption.class)).toList();
        assertThat(signs).extracting(Caption::startMs).containsExactly(0L, 3000L, 6000L);
        assertThat(signs.get(0).text()).contains("PLATFORM 12");
        String vtt = Files.readString(out.resolve("signs.vtt"));
        assertThat(vtt).startsWith("WEBVTT\n\n");
        assertThat(VTT_CUE.matcher(vtt).results().count()).isEqualTo(signs.size());
        assertThat(SRT_CUE.matcher(Files.readString(out.resolve("signs.srt"))).results().count()).isEqualTo(signs.size());
        assertThat(out.resolve("realshort.jsonl")).exists();
        assertThat(out.resolve("notes.jsonl")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("failures.jsonl"))).singleElement()
                .satisfies(l -> assertThat(l).contains("broken.mp4").contains("not-a-video"));
    }
}
