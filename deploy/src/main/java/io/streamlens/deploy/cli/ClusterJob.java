package io.streamlens.deploy.cli;

import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.sampler.JavaCppMemory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main class of {@code streamlens-job.jar}: the job as a stock Flink cluster runs it, with
 * {@code flink run}, the REST API ({@code /jars/{id}/run}) or the Kubernetes operator. It takes
 * the same job flags as {@code ./streamlens run}.
 */
@Command(name = "streamlens-job", mixinStandardHelpOptions = true,
        description = "The StreamLens job on a Flink cluster: segments from Kafka, captions and answers back to Kafka.")
public final class ClusterJob implements Callable<Integer> {
    @Mixin
    KafkaFlags kafka;

    @Mixin
    JobFlags job;

    @Option(names = "--checkpoint-dir", paramLabel = "URI",
            description = "checkpoint storage (file:///…, s3://…); default: the cluster's execution.checkpointing.dir")
    String checkpointDir;

    @Option(names = "--checkpoint-interval", converter = DurationConverter.class,
            description = "checkpoint every (default: the cluster's execution.checkpointing.interval, or 10s when it has none)")
    Duration checkpointInterval;

    /** The job jar that {@code mvn package} puts beside the CLI's own jar. */
    public static Path defaultJar() {
        try {
            Path cliJar = Path.of(ClusterJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return cliJar.resolveSibling("streamlens-job.jar");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Without checkpoints exactly-once captions would never be committed. */
    static final Duration FALLBACK_INTERVAL = Duration.ofSeconds(10);

    /** Never exits the JVM: in application mode this main runs inside the JobManager. */
    public static void main(String[] args) throws Exception {
        JavaCppMemory.allowBeyondHeap(); // before anything touches JavaCPP, which reads its limits once
        ClusterJob command = new ClusterJob();
        CommandLine line = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.ParseResult parsed = line.parseArgs(args);
        if (CommandLine.printHelpIfRequested(parsed)) {
            return;
        }
        command.call();
    }

    @Override
    public Integer call() throws Exception {
        JobOptions options = job.toOptions();
        KafkaClientConfig kafkaConfig = kafka.toConfig();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                FlinkEnvironments.jobConfiguration(checkpointDir, checkpointInterval));
        env.setParallelism(options.parallelism());
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(FALLBACK_INTERVAL.toMillis());
        }
        StreamLensJob.build(env, JobInputs.kafka(kafkaConfig, "streamlens", false), options,
                new StandardOutputs(kafkaConfig, options.delivery(), null, false));
        env.execute("streamlens");
        return 0;
    }
}
