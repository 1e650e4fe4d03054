package io.streamlens.deploy.bench;

import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.cli.CaptionTail;
import io.streamlens.deploy.cli.ClusterJob;
import io.streamlens.deploy.cli.LocalPipeline;
import io.streamlens.deploy.cli.TopicTail;
import io.streamlens.deploy.cluster.FlinkRest;
import io.streamlens.events.rules.RuleParser;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import io.streamlens.records.StageClock;
import io.streamlens.records.StreamIds;
import io.streamlens.records.Topics;
import io.streamlens.sampler.SamplerSpec;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;

/**
 * {@code bench pipeline}: the whole job on this machine. Archive mode: video seconds captioned per
 * wall second over the given videos, per sampler. Live mode: streams published at real time,
 * latency from a segment's arrival in Kafka to the caption of the window it completes (and to the
 * alert a rule opens on that window), at exactly-once and at-least-once, and the RocksDB
 * checkpoint bytes per stream at the end.
 */
final class PipelineBenchmark {
    /** Segments of the generated live clips: a keyframe every second, cut every 2 s. */
    private static final long SEGMENT_MS = 2000;

    /** Under load: once no caption has come for this long after the streams ended, the run is over. */
    private static final Duration QUIET = Duration.ofSeconds(20);

    private final JsonLines out;
    private final JobOptions options;

    PipelineBenchmark(JsonLines out, JobOptions options) {
        this.out = out;
        this.options = options;
    }

    void archive(List<Path> videos, SamplerSpec sampler) throws Exception {
        try (LocalPipeline local = LocalPipeline.start()) {
            List<String> sources = videos.stream().map(Path::toString).toList();
            List<PublishReport> reports = local.publish(sources, sources.stream().map(StreamIds::fromSource).toList());
            double videoSeconds = reports.stream().mapToLong(PublishReport::videoUs).sum() / 1e6;
            long t0 = System.nanoTime();
            local.run(options.toBuilder().sampling(options.sampling().withSampler(sampler)).build(), null, false, false);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> line = archiveLine(sampler, reports.size(), "minicluster", videoSeconds, wall);
            line.put("stateBytesPerStream", stateBytesPerStream(local.checkpointDir(), reports.size()));
            out.write(line);
        }
    }

    /**
     * The same archive run on a Flink cluster: the job jar submitted through the REST API, timed
     * from submission until every stream's last window is captioned (job start-up included, as
     * in the MiniCluster figure).
     */
    void archiveOnCluster(List<Path> videos, SamplerSpec sampler, FlinkRest cluster, Path jobJar) throws Exception {
        try (LocalPipeline local = LocalPipeline.start()) {
            List<String> sources = videos.stream().map(Path::toString).toList();
            List<String> ids = sources.stream().map(StreamIds::fromSource).toList();
            List<PublishReport> reports = local.publish(sources, ids);
            Map<String, Long> lastEndMs = new ConcurrentHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                lastEndMs.put(ids.get(i), reports.get(i).videoUs() / 1000);
            }
            Map<String, Long> seenEnd = new ConcurrentHashMap<>();
            String jarId = cluster.uploadJar(jobJar);
            long t0 = System.nanoTime();
            java.util.concurrent.atomic.AtomicLong firstCaption = new java.util.concurrent.atomic.AtomicLong();
            String job;
            try (CaptionTail tail = new CaptionTail(local.kafka(), c -> {
                firstCaption.compareAndSet(0, System.nanoTime());
                seenEnd.merge(c.streamId(), c.endMs(), Math::max);
            })) {
                job = cluster.runJar(jarId, ClusterJob.class.getName(), List.of("--bootstrap-servers", local.kafka().bootstrapServers(),
                        "--parallelism", String.valueOf(options.parallelism()), "--sampler", sampler.toString(),
                        "--perceive", perceptionFlag(), "--checkpoint-dir", local.checkpointDir().toUri().toString()), null);
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                // a stream's last window ends where its video does (to the frame, so allow one)
                while (lastEndMs.entrySet().stream().anyMatch(e -> seenEnd.getOrDefault(e.getKey(), -1L) < e.getValue() - 100)) {
                    if (System.nanoTime() > deadline) {
                        cluster.cancel(job);
                        throw new IllegalStateException("the cluster did not caption every stream's end within 15 minutes");
                    }
                    Thread.sleep(100);
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            cluster.cancel(job);
            double videoSeconds = reports.stream().mapToLong(PublishReport::videoUs).sum() / 1e6;
            String where = "cluster " + cluster.webUi().getAuthority() + " (" + cluster.overview().map(
                    o -> o.path("taskmanagers").asInt() + " TaskManagers x " + o.path("slots-total").asInt() / Math.max(1,
                            o.path("taskmanagers").asInt()) + " slots").orElse("?") + ")";
            Map<String, Object> line = archiveLine(sampler, reports.size(), where, videoSeconds, wall);
            // start-up: fresh TaskManager JVMs load FFmpeg, ONNX Runtime, OpenCV and Vosk for the job
            line.put("firstCaptionSeconds", round((firstCaption.get() - t0) / 1e9));
            out.write(line);
        }
    }

    private Map<String, Object> archiveLine(SamplerSpec sampler, int streams, String where, double videoSeconds, double wall) {
        Map<String, Object> line = line("archive", sampler, streams);
        line.put("where", where);
        line.put("videoSeconds", round(videoSeconds));
        line.put("wallSeconds", round(wall));
        line.put("videoSecondsPerSecond", round(videoSeconds / wall));
        line.put("p50Ms", null);
        line.put("p95Ms", null);
        return line;
    }

    private String perceptionFlag() {
        return io.streamlens.captions.Perception.format(options.models().perception());
    }

    /** Caption latency of one live run. */
    record Latency(double p50Ms, double p95Ms) {
    }

    /**
     * Fire on shots 0, 3 and 6 of every stream (shots are 3 s long), one alert episode each, so the
     * live run also times alerts: from the window that opened one being complete to its arrival.
     */
    static final String ALERT_RULES = "[{\"ruleId\": \"bench-shot-0\", \"when\": {\"text\": \"SHOT 0\"}},"
            + " {\"ruleId\": \"bench-shot-3\", \"when\": {\"text\": \"SHOT 3\"}}, {\"ruleId\": \"bench-shot-6\", \"when\": {\"text\": \"SHOT 6\"}}]";

    Latency live(int streams, int seconds, DeliveryGuarantee delivery, Path work) throws Exception {
        JobOptions live = options.toBuilder().delivery(delivery).build();
        List<Path> clips = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Path clip = work.resolve("live-" + i + ".mp4");
            List<SampleClip.Shot> shots = new ArrayList<>();
            for (int s = 0; s < seconds / 3; s++) {
                shots.add(new SampleClip.Shot(Color.getHSBColor((i * 7 + s) / 13f, 0.7f, 0.8f), "CAMERA " + i + " SHOT " + s, 3));
            }
            SampleClip.write(clip, shots, 640, 360, 25, 25);
            clips.add(clip);
        }
        try (LocalPipeline local = LocalPipeline.start()) {
            Map<String, Long> wallStart = new ConcurrentHashMap<>();
            List<Long> latencies = new CopyOnWriteArrayList<>();
            List<Long> alertLatencies = new CopyOnWriteArrayList<>();
            Map<String, Long> lastEnd = new ConcurrentHashMap<>();
            local.publishRules(RuleParser.parseFile(ALERT_RULES));
            JobClient job = local.startLive(live, Duration.ofSeconds(1));
            try (CaptionTail tail = new CaptionTail(local.kafka(), c -> {
                long received = System.currentTimeMillis();
                // The window is complete once the segment holding its end has been published.
                long completingSegmentEnd = ((c.endMs() - 1) / SEGMENT_MS + 1) * SEGMENT_MS;
                Long start = wallStart.get(c.streamId());
                if (start != null) {
                    latencies.add(received - (start + completingSegmentEnd));
                }
                lastEnd.merge(c.streamId(), c.endMs(), Math::max);
            });
                 TopicTail<Alert> alertTail = new TopicTail<>(local.kafka(), Topics.ALERTS, Alert.class, a -> {
                     long received = System.currentTimeMillis();
                     Long start = wallStart.get(a.streamId());
                     if (a.open() && start != null && !a.evidence().isEmpty()) {
                         long openedByEnd = a.evidence().get(a.evidence().size() - 1).endMs();
                         alertLatencies.add(received - (start + ((openedByEnd - 1) / SEGMENT_MS + 1) * SEGMENT_MS));
                     }
                 })) {
                List<CompletableFuture<Void>> publishing = new ArrayList<>();
                try (SegmentPublisher publisher = new SegmentPublisher(local.kafka(), PublishOptions.defaults().withRealtime(true))) {
                    for (int i = 0; i < streams; i++) {
                        String id = "live-" + i;
                        Path clip = clips.get(i);
                        publishing.add(CompletableFuture.runAsync(() -> {
                            wallStart.put(id, System.currentTimeMillis());
                            publisher.publish(clip.toString(), id);
                        }));
                    }
                    CompletableFuture.allOf(publishing.toArray(CompletableFuture[]::new)).get();
                }
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                long expectedEndMs = (seconds / 3) * 3000L;
                while (lastEnd.size() < streams || lastEnd.values().stream().anyMatch(end -> end < expectedEndMs)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("captions of the last windows did not arrive within 5 minutes");
                    }
                    Thread.sleep(100);
                }
            }
            job.cancel().get();
            List<Long> sorted = latencies.stream().sorted().toList();
            Map<String, Object> line = line(delivery == DeliveryGuarantee.EXACTLY_ONCE ? "live-exactly-once" : "live-at-least-once",
                    live.sampling().sampler(), streams);
            line.put("videoSecondsPerSecond", round((double) streams * seconds / seconds));
            line.put("captions", sorted.size());
            line.put("p50Ms", percentile(sorted, 0.50));
            line.put("p95Ms", percentile(sorted, 0.95));
            List<Long> alertsSorted = alertLatencies.stream().sorted().toList();
            line.put("alerts", alertsSorted.size());
            line.put("alertP50Ms", percentile(alertsSorted, 0.50));
            line.put("alertP95Ms", percentile(alertsSorted, 0.95));
            line.put("stateBytesPerStream", stateBytesPerStream(local.checkpointDir(), streams));
            out.write(line);
            return new Latency(orZero(percentile(sorted, 0.50)), orZero(percentile(sorted, 0.95)));
        }
    }

    /**
     * Live streams of real footage ({@link ArchiveFootage#eachFor}: slides with speech, a bird, a
     * terminal, 240p and 1080p clips, in turn) published at real time, {@code streams} at once, for
     * {@code seconds} each, after a warm-up stream has loaded every model. Two latencies per
     * caption: from the arrival in Kafka of the segment that completed its window ({@code p50Ms},
     * {@code p95Ms}), and behind the stream's own clock, from when the window's end was live
     * ({@code clockP50Ms}, {@code clockP95Ms}; this adds the wait for the segment, as long as
     * the source's keyframe spacing makes it). The line says how much work was shed (the share of
     * captioned frames some model skipped, and the highest level) and how evenly: the lowest and
     * highest p95 of any one stream. {@code complete} says whether every stream's last window came
     * (within three times the streams' length after they ended, and while captions still came).
     */
    void overload(int streams, long seconds, String load, Duration checkpointInterval, Path work) throws Exception {
        List<Path> footage = ArchiveFootage.eachFor(work.resolve("footage-" + seconds + "s"), seconds);
        record Arrived(Caption caption, long atMs) {
        }
        try (LocalPipeline local = LocalPipeline.start()) {
            Map<String, Long> wallStart = new ConcurrentHashMap<>();
            Map<String, Long> videoEndMs = new ConcurrentHashMap<>();
            Map<String, Long> lastEnd = new ConcurrentHashMap<>();
            List<Arrived> arrived = new CopyOnWriteArrayList<>();
            JobClient job = local.startLive(options, checkpointInterval);
            boolean complete;
            long cpu0;
            long wall0;
            java.util.concurrent.ExecutorService publishers = java.util.concurrent.Executors.newFixedThreadPool(streams);
            try (CaptionTail tail = new CaptionTail(local.kafka(), c -> {
                arrived.add(new Arrived(c, System.currentTimeMillis()));
                lastEnd.merge(c.streamId(), c.endMs(), Math::max);
            });
                 SegmentPublisher publisher = new SegmentPublisher(local.kafka(), PublishOptions.defaults().withRealtime(true))) {
                warmUp(local, SampleMedia.file(SampleMedia.COCKATOO), lastEnd);
                StageClock.reset();
                cpu0 = Timing.processCpuNanos();
                wall0 = System.nanoTime();
                List<CompletableFuture<Void>> publishing = new ArrayList<>();
                for (int i = 0; i < streams; i++) {
                    String id = "load-" + i;
                    Path clip = footage.get(i % footage.size());
                    publishing.add(CompletableFuture.runAsync(() -> {
                        wallStart.put(id, System.currentTimeMillis());
                        videoEndMs.put(id, publisher.publish(clip.toString(), id).videoUs() / 1000);
                    }, publishers));
                }
                CompletableFuture.allOf(publishing.toArray(CompletableFuture[]::new)).get();
                // a stream's last window ends where its video does (to the frame, so allow one); a job
                // that falls ever further behind is measured on what it captioned within the grace time
                long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(120, seconds * 3)).toNanos();
                int captioned = -1;
                long quietSince = System.nanoTime();
                // a stream whose last segment was decoded keyframes only ends its last window at its last
                // keyframe, so the run also ends once captions have stopped coming for QUIET
                while (!(complete = videoEndMs.entrySet().stream().allMatch(e -> lastEnd.getOrDefault(e.getKey(), -1L) >= e.getValue() - 100))
                        && System.nanoTime() < deadline && System.nanoTime() - quietSince < QUIET.toNanos()) {
                    if (arrived.size() != captioned) {
                        captioned = arrived.size();
                        quietSince = System.nanoTime();
                    }
                    Thread.sleep(100);
                }
            } finally {
                publishers.shutdownNow();
            }
            double coresBusy = (Timing.processCpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
            Map<String, Double> stageSeconds = new java.util.TreeMap<>();
            StageClock.seconds().forEach((stage, busy) -> stageSeconds.put(stage, round(busy)));
            job.cancel().get();
            SegmentArrivals segments = SegmentArrivals.read(local.kafka());
            List<Arrived> measured = arrived.stream().filter(a -> wallStart.containsKey(a.caption().streamId())).toList();
            List<Long> sinceArrival = new ArrayList<>();
            List<Long> behindClock = new ArrayList<>();
            Map<String, List<Long>> byStream = new java.util.TreeMap<>();
            // Is the latency a start-up transient or the steady state? p95 of the captions arriving in each 20 s.
            Map<Long, List<Long>> byArrival = new java.util.TreeMap<>();
            List<Long> shedBehind = new ArrayList<>();
            long firstStart = wallStart.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long frames = 0;
            long shedFrames = 0;
            int maxLevel = 0;
            int withText = 0;
            for (Arrived a : measured) {
                Caption c = a.caption();
                long completed = segments.completedWindowAt(c.streamId(), c.endMs());
                if (completed >= 0) {
                    sinceArrival.add(a.atMs() - completed);
                    byStream.computeIfAbsent(c.streamId(), k -> new ArrayList<>()).add(a.atMs() - completed);
                    byArrival.computeIfAbsent((a.atMs() - firstStart) / 20_000 * 20, k -> new ArrayList<>()).add(a.atMs() - completed);
                }
                behindClock.add(a.atMs() - (wallStart.get(c.streamId()) + c.endMs()));
                frames += c.evidence().frames();
                withText += c.evidence().text().isEmpty() ? 0 : 1;
                if (c.evidence().shed() != null) {
                    shedBehind.add(c.evidence().shed().behindMs());
                    shedFrames += c.evidence().shed().frames();
                    maxLevel = Math.max(maxLevel, c.evidence().shed().level());
                }
            }
            sinceArrival.sort(null);
            behindClock.sort(null);
            List<Long> streamP95 = byStream.values().stream().map(l -> percentile(l.stream().sorted().toList(), 0.95)).sorted().toList();
            Map<String, Object> line = line("live-load", options.sampling().sampler(), streams);
            line.put("load", load);
            line.put("delivery", options.delivery().toString());
            line.put("checkpointSeconds", checkpointInterval.toMillis() / 1000.0);
            line.put("latencyTargetMs", options.shedding().enabled() ? options.shedding().targetMs() : null);
            line.put("seconds", seconds);
            line.put("captions", measured.size());
            line.put("complete", complete);
            line.put("p50Ms", percentile(sinceArrival, 0.50));
            line.put("p95Ms", percentile(sinceArrival, 0.95));
            line.put("maxMs", sinceArrival.isEmpty() ? null : sinceArrival.get(sinceArrival.size() - 1));
            line.put("streamP95MsLowest", streamP95.isEmpty() ? null : streamP95.get(0));
            line.put("streamP95MsHighest", streamP95.isEmpty() ? null : streamP95.get(streamP95.size() - 1));
            line.put("clockP50Ms", percentile(behindClock, 0.50));
            line.put("clockP95Ms", percentile(behindClock, 0.95));
            line.put("framesCaptioned", frames);
            line.put("shedShare", frames == 0 ? 0 : round((double) shedFrames / frames));
            line.put("maxShedLevel", maxLevel);
            shedBehind.sort(null);
            // how far behind arrival the operators that shed said they were: the backlog at the shedding stages
            line.put("shedBehindP50Ms", percentile(shedBehind, 0.50));
            line.put("shedBehindP95Ms", percentile(shedBehind, 0.95));
            line.put("captionsWithText", withText);
            Map<String, Long> p95By20s = new java.util.LinkedHashMap<>();
            byArrival.forEach((from, latencies) -> p95By20s.put(from + "s", percentile(latencies.stream().sorted().toList(), 0.95)));
            line.put("p95MsBy20sOfArrival", p95By20s);
            line.put("coresBusy", round(coresBusy));
            line.put("stageSeconds", stageSeconds);
            out.write(line);
        }
    }

    /** Publishes {@code clip} (a few seconds) at full speed and waits for its captions, so model loading is not timed. */
    private static void warmUp(LocalPipeline local, Path clip, Map<String, Long> lastEnd) throws Exception {
        PublishReport report = local.publish(List.of(clip.toString()), List.of("warm-up")).get(0);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (lastEnd.getOrDefault("warm-up", -1L) < report.videoUs() / 1000 - 100) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up stream was not captioned within 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static double orZero(Long value) {
        return value == null ? 0 : value;
    }

    private Map<String, Object> line(String mode, SamplerSpec sampler, int streams) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "pipeline");
        line.put("mode", mode);
        line.put("sampler", sampler.toString());
        line.put("model", options.models().pack());
        line.put("perceive", perceptionFlag());
        line.put("parallelism", options.parallelism());
        line.put("streams", streams);
        return line;
    }

    /** Bytes of the newest checkpoint (its own files plus the shared RocksDB files it uses), per stream. */
    static long stateBytesPerStream(Path checkpoints, int streams) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            long bytes = files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/chk-") || isNewest(p))
                    .mapToLong(p -> p.toFile().length()).sum();
            return streams == 0 ? 0 : bytes / streams;
        }
    }

    private static boolean isNewest(Path file) {
        Path chk = file;
        while (chk != null && !chk.getFileName().toString().startsWith("chk-")) {
            chk = chk.getParent();
        }
        try (Stream<Path> siblings = Files.list(chk.getParent())) {
            long newest = siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chk-"))
                    .mapToLong(n -> Long.parseLong(n.substring(4))).max().orElse(-1);
            return chk.getFileName().toString().equals("chk-" + newest);
        } catch (IOException e) {
            return false;
        }
    }

    static Long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? null : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static double round(double v) {
        return JsonLines.round(v, 2);
    }
}
