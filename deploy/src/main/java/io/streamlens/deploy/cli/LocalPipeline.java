package io.streamlens.deploy.cli;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.MetricsReporter;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.events.rules.Rule;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher.PublishReport;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Everything on this machine, for {@code demo} and {@code annotate}: an embedded Kafka broker,
 * the sources published into it at once, the job on a MiniCluster with RocksDB until the input is
 * done, and the topics read back for the files. Public for {@code bench pipeline}
 * ({@code deploy.bench}), which measures this same path.
 */
public final class LocalPipeline implements AutoCloseable {
    private final Path work;
    private final EmbeddedKafka broker;
    private final KafkaClientConfig kafka;
    private final Integer metricsPort;

    private LocalPipeline(Path work, EmbeddedKafka broker, Integer metricsPort) {
        this.work = work;
        this.broker = broker;
        this.kafka = new KafkaClientConfig(broker.bootstrapServers(), null);
        this.metricsPort = metricsPort;
    }

    public static LocalPipeline start() throws IOException {
        return start(null);
    }

    /** @param metricsPort where the jobs serve their metrics for Prometheus, or null for nowhere */
    public static LocalPipeline start(Integer metricsPort) throws IOException {
        Path work = Files.createTempDirectory("streamlens");
        EmbeddedKafka broker = EmbeddedKafka.start(0, work.resolve("kafka"));
        broker.createTopics(2, Topics.ALL);
        return new LocalPipeline(work, broker, metricsPort);
    }

    public KafkaClientConfig kafka() {
        return kafka;
    }

    /** Publishes every source at once, each as its own stream. */
    public List<PublishReport> publish(List<String> sources, List<String> streamIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, sources.size())));
        try (SegmentPublisher publisher = new SegmentPublisher(kafka, PublishOptions.defaults()
                .withMaxPartBytes(EmbeddedKafka.MAX_MESSAGE_BYTES - 64 * 1024))) {
            List<Future<PublishReport>> futures = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                String source = sources.get(i);
                String streamId = streamIds.get(i);
                futures.add(pool.submit(() -> publisher.publish(source, streamId)));
            }
            List<PublishReport> reports = new ArrayList<>();
            for (Future<PublishReport> f : futures) {
                reports.add(f.get());
            }
            return reports;
        } finally {
            pool.shutdown();
        }
    }

    /** Publishes alert rules to {@code video.rules} before the job reads them. */
    public void publishRules(List<Rule> rules) throws Exception {
        RuleFlags.publish(kafka, rules);
    }

    void ask(List<Query> queries) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.properties(), new StringSerializer(), new StringSerializer())) {
            queries.forEach(q -> producer.send(new ProducerRecord<>(Topics.QUERIES, q.streamId(), Json.write(q))));
        }
    }

    /** Runs the job over everything published so far; {@code framesDir} gets frames.jsonl (null: none). */
    public void run(JobOptions options, Path framesDir, boolean thumbnails, boolean withQueries) throws Exception {
        StreamExecutionEnvironment env = environment(Duration.ofSeconds(2), options.parallelism());
        JobInputs inputs = JobInputs.kafka(kafka, "streamlens-local", true);
        StreamLensJob.build(env, withQueries ? inputs : inputs.withoutQueries(), options.toBuilder().boundedInput(true).build(),
                new StandardOutputs(kafka, options.delivery(), framesDir, thumbnails));
        env.execute("streamlens-local");
    }

    /** Starts the live (unbounded) job and returns at once; cancel it through the client. */
    public JobClient startLive(JobOptions options, Duration checkpointInterval) throws Exception {
        return startLive(options, checkpointInterval, false);
    }

    /** The same, answering questions too when {@code withQueries} ({@code demo --serve}). */
    public JobClient startLive(JobOptions options, Duration checkpointInterval, boolean withQueries) throws Exception {
        StreamExecutionEnvironment env = environment(checkpointInterval, options.parallelism());
        JobInputs inputs = JobInputs.kafka(kafka, "streamlens-live", false);
        StreamLensJob.build(env, withQueries ? inputs : inputs.withoutQueries(), options,
                new StandardOutputs(kafka, options.delivery(), null, false));
        return env.executeAsync("streamlens-live");
    }

    private StreamExecutionEnvironment environment(Duration checkpointInterval, int parallelism) {
        Configuration conf = FlinkEnvironments.jobConfiguration(checkpointDir(), checkpointInterval);
        return FlinkEnvironments.local(metricsPort == null ? conf : MetricsReporter.on(conf, metricsPort), parallelism);
    }

    public Path checkpointDir() {
        return work.resolve("checkpoints");
    }

    List<String> read(String topic) {
        return TopicDump.readAll(kafka, topic);
    }

    @Override
    public void close() throws IOException {
        broker.close();
        OutputFiles.deleteRecursively(work);
    }
}
