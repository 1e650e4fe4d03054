package io.streamlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.records.DeadLetterReason;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmenterTest {
    private static final int FPS = 25;
    @TempDir
    static Path dir;
    static Path sixSecondClip;

    @BeforeAll
    static void generateClip() throws Exception {
        sixSecondClip = dir.resolve("six.mp4");
        SampleClip.write(sixSecondClip, List.of(
                new SampleClip.Shot(Color.RED, "ONE", 2), new SampleClip.Shot(Color.GREEN, "TWO", 2),
                new SampleClip.Shot(Color.BLUE, "THREE", 2)), 320, 180, FPS, FPS);
    }

    static List<Segment> segment(Path file) throws Exception {
        List<Segment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(segments::add);
        }
        return segments;
    }

    /** {frames, first timestamp is a keyframe ? 1 : 0} of one segment decoded on its own. */
    static int[] decodeAlone(Segment segment) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(segment.bytes()), 0)) {
            grabber.setFormat(segment.container());
            grabber.start();
            int frames = 0;
            boolean firstIsKey = false;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frames++ == 0) {
                    firstIsKey = frame.keyFrame;
                }
            }
            return new int[] {frames, firstIsKey ? 1 : 0};
        }
    }

    @Test
    void segmentsStartAtKeyframesEveryTwoSecondsAndOnlyTheLastIsLast() throws Exception {
        List<Segment> segments = segment(sixSecondClip);

        assertThat(segments).extracting(Segment::startUs).containsExactly(0L, 2_000_000L, 4_000_000L);
        assertThat(segments).extracting(Segment::seq).containsExactly(0L, 1L, 2L);
        assertThat(segments).extracting(Segment::last).containsExactly(false, false, true);
        assertThat(segments).allSatisfy(s -> assertThat(s.durationUs()).isEqualTo(2_000_000L));
    }

    @Test
    void everySegmentDecodesOnItsOwnFromAKeyframe() throws Exception {
        int total = 0;
        for (Segment s : segment(sixSecondClip)) {
            int[] decoded = decodeAlone(s);
            assertThat(decoded[1]).as("segment %d starts with a keyframe", s.seq()).isEqualTo(1);
            total += decoded[0];
        }
        assertThat(total).isEqualTo(6 * FPS);
    }

    @Test
    void realSampleVideosAreRemuxedWholeWithoutReencoding() throws Exception {
        for (String name : List.of(SampleMedia.COCKATOO, SampleMedia.PHONE_1080P, SampleMedia.HELLO_AVI, SampleMedia.HELLO_MPEG2)) {
            Path file = SampleMedia.file(name);
            try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
                assertThat(segmenter.transcodes()).as(name).isFalse();
                List<Segment> segments = new ArrayList<>();
                SourceSummary summary = segmenter.forEach(segments::add);
                assertThat(summary.problem()).as(name).isEmpty();
                assertThat(segments.get(segments.size() - 1).last()).isTrue();
                assertThat(segments).allSatisfy(s -> assertThat(decodeAlone(s)[0]).isPositive());
            }
        }
    }

    @Test
    void aCodecMpegTsCannotCarryIsTranscodedToH264() throws Exception {
        Path theora = SampleMedia.file(SampleMedia.HELLO_THEORA);
        try (Segmenter segmenter = Segmenter.open(theora.toString(), SegmenterOptions.DEFAULTS)) {
            assertThat(segmenter.videoCodec()).isEqualTo("theora");
            assertThat(segmenter.transcodes()).isTrue();
            List<Segment> segments = new ArrayList<>();
            segmenter.forEach(segments::add);
            assertThat(segments).hasSizeGreaterThan(2);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(segments.get(1).bytes()), 0)) {
                grabber.setFormat("mpegts");
                grabber.start();
                assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
            }
        }
    }

    @Test
    void aTextFileIsNotAVideo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "these are not the frames you are looking for\n".repeat(50));
        assertThatThrownBy(() -> Segmenter.open(text.toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.NOT_A_VIDEO));
    }

    @Test
    void anEmptyFileIsEmptyAndAMissingOneUnreadable() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> Segmenter.open(empty.toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.EMPTY));
        assertThatThrownBy(() -> Segmenter.open(dir.resolve("nope.mp4").toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.UNREADABLE));
    }

    @Test
    void anMp4CutOffBeforeItsIndexIsTruncated() throws Exception {
        // FFmpeg writes an MP4's index (moov) at its end: cut it off and nothing can be read.
        byte[] whole = Files.readAllBytes(sixSecondClip);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> Segmenter.open(cut.toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.TRUNCATED);
                    assertThat(e.getMessage()).contains("MP4");
                });
    }

    @Test
    void anMp4CutOffAfterItsIndexDeliversWhatItHasAndSaysItIsTruncated() throws Exception {
        byte[] whole = Files.readAllBytes(SampleMedia.file(SampleMedia.PHONE_1080P));
        Path cut = Files.write(dir.resolve("cut-phone.mp4"), Arrays.copyOf(whole, whole.length / 3));
        List<Segment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(cut.toString(), SegmenterOptions.DEFAULTS)) {
            SourceSummary summary = segmenter.forEach(segments::add);
            assertThat(summary.problem()).hasValueSatisfying(p -> {
                assertThat(p.reason()).isEqualTo(DeadLetterReason.TRUNCATED);
                assertThat(p.detail()).contains("cut off");
            });
        }
        assertThat(segments).isNotEmpty();
        assertThat(decodeAlone(segments.get(0))[0]).isPositive();
    }

    @Test
    void garbageInTheMiddleLosesOnlyTheDamagedPackets() throws Exception {
        byte[] bytes = Files.readAllBytes(SampleMedia.file(SampleMedia.HELLO_MP4));
        java.util.Random random = new java.util.Random(7);
        byte[] noise = new byte[200_000];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, bytes, bytes.length / 2, noise.length);
        Path damaged = Files.write(dir.resolve("damaged.mp4"), bytes);

        List<Segment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(damaged.toString(), SegmenterOptions.DEFAULTS)) {
            SourceSummary summary = segmenter.forEach(segments::add);
            assertThat(summary.problem()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(DeadLetterReason.DAMAGED));
            assertThat(summary.videoUs()).isGreaterThan(8_000_000L); // the whole 8.3 s clip is still covered
        }
        assertThat(segments.get(segments.size() - 1).last()).isTrue();
    }

    /**
     * The cockatoo was made by an old x264 whose 4:4:4 output FFmpeg decodes right only after
     * seeing x264's version SEI, written once at the start: every segment must carry it.
     */
    @Test
    void everySegmentDecodesToTheSamePicturesAsTheWholeFile() throws Exception {
        Path file = SampleMedia.file(SampleMedia.COCKATOO);
        List<Long> whole = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            for (Frame f; (f = grabber.grabImage()) != null; ) {
                whole.add(brightness(f));
            }
        }
        List<Long> segmented = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(segment -> {
                try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(segment.bytes()))) {
                    grabber.setFormat("mpegts");
                    grabber.start();
                    for (Frame f; (f = grabber.grabImage()) != null; ) {
                        segmented.add(brightness(f));
                    }
                }
            });
        }
        assertThat(segmented).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(segmented.get(i)).as("frame %d", i).isCloseTo(whole.get(i), org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    /** Sum of a sparse grid of the frame's bytes: equal pictures give equal sums. */
    private static long brightness(Frame frame) {
        java.nio.ByteBuffer pixels = (java.nio.ByteBuffer) frame.image[0];
        long sum = 0;
        for (int i = 0; i < pixels.limit(); i += 97) {
            sum += pixels.get(i) & 0xff;
        }
        return sum;
    }
}
