package io.streamlens.deploy.bench;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SamplerSpec;
import io.streamlens.sampler.SamplerState;
import io.streamlens.sampler.SegmentInput;
import io.streamlens.sampler.SegmentSampler;
import io.streamlens.sampler.StreamDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * {@code bench decode}: frames decoded and sampled per second through the decode+sample core,
 * next to FFmpeg's own single-thread decode rate (libavcodec, no pixel conversion) on the same
 * segments in the same run, opened through the same {@link SegmentInput} so that opening costs the
 * same; plus how fast a file is published (segmented).
 */
public final class DecodeBenchmark {
    private final JsonLines out;
    private final int repeats;

    /** @param repeats runs per measurement; the best is reported */
    public DecodeBenchmark(JsonLines out, int repeats) {
        this.out = out;
        this.repeats = repeats;
    }

    public void run(String file, List<SamplerSpec> samplers) throws Exception {
        List<VideoSegment> segments = new ArrayList<>();
        long videoUs = segment(file, segments); // also warms up
        double publishSeconds = bestSeconds(() -> segment(file, new ArrayList<>()));
        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("bench", "publish");
        publish.put("file", file);
        publish.put("videoSeconds", round(videoUs / 1e6));
        publish.put("segments", segments.size());
        publish.put("wallSeconds", round(publishSeconds));
        publish.put("realtimeFactor", round(videoUs / 1e6 / publishSeconds));
        out.write(publish);

        rawDecode(segments); // warm-up
        double ffmpegFps = best(() -> rawDecode(segments));
        int totalFrames = sample(segments, SamplerSpec.uniform(1))[0];
        double ffmpegVideoSecondsPerSecond = videoUs / 1e6 / (totalFrames / ffmpegFps);
        for (SamplerSpec spec : samplers) {
            int[] counts = sample(segments, spec); // warm-up, and the counts
            double seconds = bestSeconds(() -> sample(segments, spec));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("bench", "decode");
            line.put("file", file);
            line.put("sampler", spec.toString());
            line.put("decodedFrames", counts[0]);
            line.put("sampledFrames", counts[1]);
            line.put("decodedFps", round(counts[0] / seconds));
            line.put("sampledFps", round(counts[1] / seconds));
            line.put("ffmpegFps", round(ffmpegFps));
            line.put("ratioToFfmpeg", round(counts[0] / seconds / ffmpegFps));
            // Keyframe scans skip frames, so compare them by video covered per second, not frames.
            line.put("videoSecondsPerSecond", round(videoUs / 1e6 / seconds));
            line.put("ffmpegVideoSecondsPerSecond", round(ffmpegVideoSecondsPerSecond));
            line.put("framesPerKeyframe", round(totalFrames / (double) keyframes(segments)));
            out.write(line);
        }
    }

    private static long segment(String file, List<VideoSegment> into) throws Exception {
        try (Segmenter segmenter = Segmenter.open(file, SegmenterOptions.DEFAULTS)) {
            return segmenter.forEach(s -> into.add(SampledVideo.toVideoSegment(file, s))).videoUs();
        }
    }

    private static int keyframes(List<VideoSegment> segments) {
        return sample(segments, SamplerSpec.keyframes())[0];
    }

    /** FFmpeg alone: every frame decoded in its native format, one thread, nothing converted. */
    private static int rawDecode(List<VideoSegment> segments) throws Exception {
        int[] frames = {0};
        for (VideoSegment segment : segments) {
            try (SegmentInput input = SegmentInput.open(segment, 200_000, 256 * 1024)) {
                AVStream video = input.firstStream(AVMEDIA_TYPE_VIDEO);
                try (StreamDecoder decoder = StreamDecoder.open(video, Map.of("threads", "1")).orElseThrow()) {
                    AVPacket packet;
                    while ((packet = input.nextPacket()) != null) {
                        if (packet.stream_index() == video.index()) {
                            decoder.decode(packet, frame -> frames[0]++);
                        }
                    }
                    decoder.drain(frame -> frames[0]++);
                }
            }
        }
        return frames[0];
    }

    /** {decoded, sampled} through StreamLens' decode+sample core. */
    private static int[] sample(List<VideoSegment> segments, SamplerSpec spec) {
        int[] sampled = {0};
        int[] decoded = {0};
        try (SegmentSampler sampler = new SegmentSampler(spec, FrameSize.DEFAULT, 1)) {
            SamplerState state = SamplerState.initial();
            for (VideoSegment segment : segments) {
                SegmentSampler.Outcome outcome = sampler.sample(segment, state, f -> sampled[0]++);
                state = outcome.state();
                decoded[0] += outcome.framesDecoded();
            }
        }
        return new int[] {decoded[0], sampled[0]};
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private double best(Work work) throws Exception {
        double bestFps = 0;
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            int frames = (Integer) work.run();
            bestFps = Math.max(bestFps, frames / ((System.nanoTime() - t) / 1e9));
        }
        return bestFps;
    }

    private double bestSeconds(Work work) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            best = Math.min(best, Timing.millis(work::run) / 1000);
        }
        return best;
    }

    private static double round(double v) {
        return JsonLines.round(v, 2);
    }
}
