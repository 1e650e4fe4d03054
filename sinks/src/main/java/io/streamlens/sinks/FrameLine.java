package io.streamlens.sinks;

import io.streamlens.records.SampledFrame;

/** One line of {@code frames.jsonl}: a sampled frame without its pixels. */
public record FrameLine(String streamId, long ptsMs, int sceneId, double novelty, double motion, int width, int height) {

    public static FrameLine of(SampledFrame f) {
        return new FrameLine(f.streamId(), f.ptsMs(), f.sceneId(), Math.round(f.novelty() * 1000) / 1000.0,
                Math.round(f.motion() * 10000) / 10000.0, f.width(), f.height());
    }
}
