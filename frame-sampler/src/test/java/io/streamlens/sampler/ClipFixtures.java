package io.streamlens.sampler;

import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.Segment;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.VideoSegment;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generated clips with known shots, cut into segments as the publisher would. */
public final class ClipFixtures {
    static final int FPS = 25;
    /** Red 1.6 s, green 2.4 s, blue 2.0 s: shot changes at 1.6 s and 4.0 s, inside and at segment edges. */
    public static final List<SampleClip.Shot> THREE_SHOTS = List.of(
            new SampleClip.Shot(new Color(220, 20, 20), "", 1.6),
            new SampleClip.Shot(new Color(20, 200, 40), "", 2.4),
            new SampleClip.Shot(new Color(20, 40, 220), "", 2.0));

    private ClipFixtures() {
    }

    /** Segments (2 s each at a 1 s GOP) of the given shots. */
    public static List<VideoSegment> segments(Path dir, String name, List<SampleClip.Shot> shots) throws Exception {
        Path file = dir.resolve(name + ".mp4");
        SampleClip.write(file, shots, 320, 180, FPS, FPS);
        List<VideoSegment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(s -> segments.add(toVideoSegment(name, s)));
        }
        return segments;
    }

    static VideoSegment toVideoSegment(String streamId, Segment s) {
        return new VideoSegment(streamId, s.seq(), s.startUs(), s.container(), s.last(), streamId + ".mp4", s.bytes());
    }
}
