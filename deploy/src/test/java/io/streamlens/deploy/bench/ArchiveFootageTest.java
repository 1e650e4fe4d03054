package io.streamlens.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.ingest.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFootageTest {
    @TempDir
    Path work;

    @Test
    void aLoopedClipPlaysItsPicturesOverAndOverOnOneRisingClockCutWhereTheFootageEnds() throws Exception {
        Path source = SampleMedia.file(SampleMedia.REALSHORT); // 1.2 s
        Path looped = work.resolve("realshort-looped.mkv");

        ArchiveFootage.loop(source, looped, 3_000_000);

        List<Long> original = timestamps(source);
        List<Long> times = timestamps(looped);
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(times.get(times.size() - 1)).isBetween(2_800_000L, 3_000_000L);
        // two whole passes and part of a third, every frame decoded
        assertThat(times.size()).isGreaterThan(2 * original.size()).isLessThan(3 * original.size());
        assertThat(Files.size(looped)).isGreaterThan(2 * Files.size(source) * 8 / 10);
    }

    private static List<Long> timestamps(Path file) throws FrameGrabber.Exception {
        List<Long> times = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                times.add(frame.timestamp);
            }
        }
        return times;
    }
}
