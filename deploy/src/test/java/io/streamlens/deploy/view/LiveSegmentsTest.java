package io.streamlens.deploy.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.Segment;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.SegmentPart;
import io.streamlens.records.VideoSegment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments as the publisher cuts them from a generated clip, put back together and remuxed for the browser. */
class LiveSegmentsTest {
    @TempDir
    static Path dir;
    static List<Segment> segments = new ArrayList<>();

    @BeforeAll
    static void cutAClip() throws Exception {
        Path clip = dir.resolve("signs.mp4");
        SampleClip.write(clip, SampleClip.DEMO_SHOTS, 320, 180, 25, 25);
        try (Segmenter segmenter = Segmenter.open(clip.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(segments::add);
        }
        assertThat(segments).as("a 9 s clip in 2 s segments").hasSizeGreaterThan(2);
    }

    @Test
    void aSegmentIsRemuxedIntoFragmentedMp4ThatFfmpegReadsBack() throws Exception {
        Segment s = segments.get(1);
        Fmp4Remux.Playable mp4 = Fmp4Remux.remux(new VideoSegment("signs", s.seq(), s.startUs(), s.container(), false, "", s.bytes()));
        assertThat(new String(Arrays.copyOfRange(mp4.bytes(), 4, 8), StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(new String(mp4.bytes(), StandardCharsets.ISO_8859_1)).contains("moof").contains("mvex");
        assertThat(mp4.mimeType()).matches("video/mp4; codecs=\"avc1\\.[0-9a-f]{6}\"");
        int frames = 0;
        try (FFmpegFrameGrabber back = new FFmpegFrameGrabber(new ByteArrayInputStream(mp4.bytes()), 0)) {
            back.start();
            for (Frame f; (f = back.grabImage()) != null; ) {
                frames++;
            }
        }
        assertThat(frames).as("frames of a %d µs segment at 25 fps", s.durationUs()).isEqualTo((int) Math.round(s.durationUs() / 40_000.0));
    }

    @Test
    void onlyTheNewestSegmentsOfAStreamAreHeld() {
        List<LiveSegments.SegmentInfo> heard = new ArrayList<>();
        LiveSegments live = new LiveSegments(heard::add);
        Segment s = segments.get(0);
        for (long seq = 0; seq < 20; seq++) {
            live.add(new SegmentPart("long", seq, seq * 2_000_000, s.container(), false, "", 0, 1, s.bytes(), ""));
        }
        assertThat(heard).hasSize(20);
        assertThat(live.segments("long")).extracting(LiveSegments.SegmentInfo::seq)
                .containsExactly(12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(live.segments("long").get(0).startMs()).isEqualTo(24_000);
    }

    @Test
    void partsArePutBackTogetherBeforeTheSegmentIsHeld() throws Exception {
        LiveSegments live = new LiveSegments(s -> { });
        Segment s = segments.get(0);
        byte[] b = s.bytes();
        int cut = b.length / 2;
        live.add(new SegmentPart("cut", s.seq(), s.startUs(), s.container(), false, "", 1, 2, Arrays.copyOfRange(b, cut, b.length), ""));
        assertThat(live.segments("cut")).isEmpty();
        live.add(new SegmentPart("cut", s.seq(), s.startUs(), s.container(), false, "", 0, 2, Arrays.copyOfRange(b, 0, cut), ""));
        assertThat(live.segments("cut")).containsExactly(new LiveSegments.SegmentInfo("cut", s.seq(), s.startUs() / 1000));
        assertThat(live.playable("cut", s.seq())).get().satisfies(p -> assertThat(p.bytes().length).isPositive());
    }

    @Test
    void aSegmentWhosePartsNeverAllArriveIsDroppedWhenTheNextBegins() throws Exception {
        LiveSegments live = new LiveSegments(s -> { });
        Segment first = segments.get(0);
        Segment second = segments.get(1);
        byte[] b = second.bytes();
        live.add(new SegmentPart("gap", first.seq(), first.startUs(), first.container(), false, "", 0, 2, first.bytes(), ""));
        live.add(new SegmentPart("gap", second.seq(), second.startUs(), second.container(), false, "", 0, 2,
                Arrays.copyOfRange(b, 0, b.length / 2), ""));
        live.add(new SegmentPart("gap", second.seq(), second.startUs(), second.container(), false, "", 1, 2,
                Arrays.copyOfRange(b, b.length / 2, b.length), ""));
        live.add(new SegmentPart("gap", first.seq(), first.startUs(), first.container(), false, "", 1, 2, first.bytes(), ""));
        assertThat(live.segments("gap")).extracting(LiveSegments.SegmentInfo::seq).containsExactly(second.seq());
    }

    @Test
    void malformedPartsAndContainersOffTheAllowListAreNeverHeld() throws Exception {
        LiveSegments live = new LiveSegments(s -> { });
        Segment s = segments.get(0);
        live.add(SegmentPart.malformed("bad", "", s.bytes(), "no seq"));
        live.add(new SegmentPart("bad", 0, 0, "hls", false, "", 0, 1, s.bytes(), ""));
        assertThat(live.segments("bad")).isEmpty();
        assertThat(live.playable("bad", 0)).isEmpty();
    }

    @Test
    void garbageInAnAllowedContainerIsRefusedNotCrashedOn() {
        VideoSegment garbage = new VideoSegment("junk", 0, 0, "mpegts", false, "", "not a transport stream".repeat(1000).getBytes());
        assertThatThrownBy(() -> Fmp4Remux.remux(garbage)).isInstanceOf(Exception.class);
    }
}
