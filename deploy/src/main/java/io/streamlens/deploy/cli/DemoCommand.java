package io.streamlens.deploy.cli;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.LocalOutputs;
import io.streamlens.ingest.SampleClip;
import io.streamlens.deploy.SegmentSources;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.StreamIds;
import io.streamlens.records.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything on this machine: an embedded Kafka broker, a Flink MiniCluster with RocksDB, "
                + "the videos (or a generated sample) published and processed; outputs in --out. "
                + "Exit status 1 if any input failed.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    JobFlags job;

    @Option(names = "--out", defaultValue = "out", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--thumbnails", description = "also write a JPEG of every sampled frame to OUT/thumbnails")
    boolean thumbnails;

    @Parameters(arity = "0..*", paramLabel = "VIDEO", description = "video files (default: a generated sample clip)")
    List<Path> videos = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        JobOptions options = job.toOptions();
        LocalRun.prepareOutputs(out);
        List<String> sources = new ArrayList<>();
        if (videos.isEmpty()) {
            Path sample = out.resolve("sample.mp4");
            SampleClip.write(sample, SampleClip.DEMO_SHOTS, 640, 360, 25, 25);
            System.out.println("no video given: generated " + sample);
            sources.add(sample.toString());
        } else {
            videos.forEach(v -> sources.add(v.toString()));
        }
        Path work = Files.createTempDirectory("streamlens-demo");
        try (EmbeddedKafka broker = EmbeddedKafka.start(0, work.resolve("kafka"))) {
            broker.createTopics(2, List.of(Topics.SEGMENTS, Topics.DEADLETTER));
            KafkaClientConfig kafka = new KafkaClientConfig(broker.bootstrapServers(), null);
            int publishFailures = publishAll(kafka, sources);

            StreamExecutionEnvironment env = FlinkEnvironments.local(
                    FlinkEnvironments.jobConfiguration(work.resolve("checkpoints"), Duration.ofSeconds(5)),
                    options.parallelism());
            StreamLensJob.build(env, SegmentSources.kafka(kafka, options.segmentsTopic(), "streamlens-demo", true),
                    options, new LocalOutputs(out, thumbnails, kafka, options.deadLetterTopic()));
            System.out.println("processing with sampler " + options.sampler() + " …");
            env.execute("streamlens-demo");
            return LocalRun.finish(kafka, options.deadLetterTopic(), out) || publishFailures > 0 ? 1 : 0;
        } finally {
            LocalRun.deleteRecursively(work);
        }
    }

    /** Publishes every source at once, each its own stream. */
    private static int publishAll(KafkaClientConfig kafka, List<String> sources) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, sources.size()));
        try (SegmentPublisher publisher = new SegmentPublisher(kafka, PublishOptions.defaults()
                .withMaxPartBytes(EmbeddedKafka.MAX_MESSAGE_BYTES - 64 * 1024))) {
            List<Future<PublishReport>> reports = new ArrayList<>();
            for (String source : sources) {
                reports.add(pool.submit(() -> publisher.publish(source, StreamIds.fromSource(source))));
            }
            int failures = 0;
            for (Future<PublishReport> report : reports) {
                Reports.print(report.get());
                failures += report.get().failed() ? 1 : 0;
            }
            return failures;
        } finally {
            pool.shutdown();
        }
    }
}
