package io.streamlens.deploy.bench;

import io.streamlens.captions.Perception;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.cli.LocalPipeline;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.records.StageClock;
import io.streamlens.records.StreamIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * {@code bench archive}: minutes of real footage ({@link ArchiveFootage}) annotated end to end
 * through {@code annotate}'s path (published into the embedded Kafka, the job on a MiniCluster
 * until the input ends), with the time of every stage from the {@link StageClock}, and FFmpeg's
 * own single-thread full decode and keyframe-only decode of the same files in the same run, the
 * limits any decode-bound archive run meets.
 */
final class ArchiveBenchmark {
    /** FFmpeg's limits are measured on this much of each file; the files are loops, so the rate holds for all of it. */
    private static final long LIMIT_SAMPLE_US = 120_000_000L;

    private final JsonLines out;
    private final JobOptions options;

    ArchiveBenchmark(JsonLines out, JobOptions options) {
        this.out = out;
        this.options = options;
    }

    void run(double minutes, Path work) throws Exception {
        Path folder = work.resolve("footage-" + minutes + "min");
        List<Path> files = ArchiveFootage.write(folder, minutes);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "archive");
        line.put("minutes", minutes);
        line.put("files", files.size());
        line.put("sampler", options.sampling().sampler().toString());
        line.put("perceive", Perception.format(options.models().perception()));
        line.put("carryOver", options.carryOver().enabled());
        line.put("parallelism", options.parallelism());

        StageClock.reset();
        long cpu0 = Timing.processCpuNanos();
        long t0 = System.nanoTime();
        double videoSeconds;
        double publishSeconds;
        try (LocalPipeline local = LocalPipeline.start()) {
            List<String> sources = files.stream().map(Path::toString).toList();
            List<PublishReport> reports = local.publish(sources, sources.stream().map(StreamIds::fromSource).toList());
            publishSeconds = (System.nanoTime() - t0) / 1e9;
            videoSeconds = reports.stream().mapToLong(PublishReport::videoUs).sum() / 1e6;
            local.run(options, null, false, false);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double coresBusy = (Timing.processCpuNanos() - cpu0) / 1e9 / wall;
        Map<String, Long> counts = StageClock.counts();
        Map<String, Double> stages = new LinkedHashMap<>();
        StageClock.seconds().forEach((stage, seconds) -> stages.put(stage, round(seconds)));

        Limits limits = limits(files);
        line.put("videoSeconds", round(videoSeconds));
        line.put("wallSeconds", round(wall));
        line.put("realtimeFactor", round(videoSeconds / wall));
        line.put("publishSeconds", round(publishSeconds));
        line.put("coresBusy", round(coresBusy));
        line.put("stageSeconds", stages);
        line.put("framesInVideo", limits.frames());
        line.put("framesDecoded", counts.getOrDefault("frames-decoded", 0L));
        line.put("framesSampled", counts.getOrDefault("frames-sampled", 0L));
        line.put("framesAnalysed", counts.getOrDefault("frames-analysed", 0L));
        line.put("framesCarriedOver", counts.getOrDefault("frames-carried-over", 0L));
        line.put("ffmpegFullDecodeRealtimeFactor", round(videoSeconds / limits.fullSeconds()));
        line.put("ffmpegKeyframeDecodeRealtimeFactor", round(videoSeconds / limits.keyframeSeconds()));
        out.write(line);
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
    }

    /** FFmpeg alone, one thread, no pixel conversion, scaled from each file's sample to its length. */
    private record Limits(long frames, double fullSeconds, double keyframeSeconds) {
    }

    private static Limits limits(List<Path> files) throws FrameGrabber.Exception {
        long frames = 0;
        double full = 0;
        double keyframes = 0;
        for (Path file : files) {
            Decoded all = decode(file, false);
            Decoded keys = decode(file, true);
            double scale = all.lengthUs() / (double) Math.max(1, all.sampledUs());
            frames += Math.round(all.frames() * scale);
            full += all.seconds() * scale;
            keyframes += keys.seconds() * (keys.lengthUs() / (double) Math.max(1, keys.sampledUs()));
        }
        return new Limits(frames, full, keyframes);
    }

    private record Decoded(long frames, double seconds, long sampledUs, long lengthUs) {
    }

    private static Decoded decode(Path file, boolean keyframesOnly) throws FrameGrabber.Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.setVideoOption("threads", "1");
            grabber.start();
            long lengthUs = grabber.getLengthInTime();
            long frames = 0;
            long lastUs = 0;
            long t0 = System.nanoTime();
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabFrame(false, true, false, keyframesOnly, false)) != null) {
                frames++;
                lastUs = frame.timestamp;
                if (lastUs >= LIMIT_SAMPLE_US) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Decoded(frames, seconds, Math.min(lengthUs, Math.max(lastUs, 1)), lengthUs);
        }
    }

    private static double round(double v) {
        return JsonLines.round(v, 2);
    }
}
