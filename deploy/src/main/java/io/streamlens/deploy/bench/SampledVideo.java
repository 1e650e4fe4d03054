package io.streamlens.deploy.bench;

import io.streamlens.ingest.Segment;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.StreamIds;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import io.streamlens.sampler.SamplerState;
import io.streamlens.sampler.SegmentSampler;
import java.util.ArrayList;
import java.util.List;

/** A video file cut into segments and sampled exactly as the job would do it, for benchmarks. */
public final class SampledVideo {
    private SampledVideo() {
    }

    public static List<VideoSegment> segments(String file) throws Exception {
        List<VideoSegment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file, SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(s -> segments.add(toVideoSegment(file, s)));
        }
        return segments;
    }

    public static VideoSegment toVideoSegment(String file, Segment s) {
        return new VideoSegment(StreamIds.fromSource(file), s.seq(), s.startUs(), s.container(), s.last(), file, s.bytes());
    }

    public static List<SampledFrame> sample(String file, SamplerSpec spec, FrameSize size) throws Exception {
        List<SampledFrame> frames = new ArrayList<>();
        try (SegmentSampler sampler = new SegmentSampler(spec, size, 1)) {
            SamplerState state = SamplerState.initial();
            for (VideoSegment segment : segments(file)) {
                state = sampler.sample(segment, state, frames::add).state();
            }
        }
        return frames;
    }
}
