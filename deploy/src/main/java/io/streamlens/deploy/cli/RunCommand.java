package io.streamlens.deploy.cli;

import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.LatestCheckpoint;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.cluster.FlinkRest;
import io.streamlens.records.KafkaClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the job against a real Kafka until stopped, on an embedded MiniCluster, or submit it to a Flink "
                + "cluster (--jobmanager) and return. After a crash, the same command resumes from the latest checkpoint "
                + "in --checkpoint-dir.")
final class RunCommand implements Callable<Integer> {
    /** Options that only this command understands; the rest go to the job jar unchanged. */
    private static final Set<String> LOCAL_ONLY = Set.of("--jobmanager", "--job-jar", "--out", "--checkpoint-dir", "--from-savepoint", "--rules");

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaFlags kafka;

    @Mixin
    JobFlags job;

    @Mixin
    RuleFlags rules;

    @Mixin
    MetricsFlags metrics;

    @Option(names = "--checkpoint-dir", defaultValue = "checkpoints", description = "durable checkpoint folder (default: ${DEFAULT-VALUE})")
    Path checkpointDir;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = DurationConverter.class, description = "checkpoint every (default: ${DEFAULT-VALUE})")
    Duration checkpointInterval;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "start from this savepoint (e.g. after a rescale) instead of the latest checkpoint")
    String fromSavepoint;

    @Option(names = "--out", description = "also write frames.jsonl to this local folder (embedded runs only)")
    Path out;

    @Option(names = "--jobmanager", paramLabel = "H:P", description = "submit to this Flink cluster's REST endpoint instead of running embedded")
    String jobManager;

    @Option(names = "--job-jar", paramLabel = "JAR", description = "the job jar to submit (default: streamlens-job.jar beside this one)")
    Path jobJar;

    @Override
    public Integer call() throws Exception {
        java.util.Optional<Path> latest = LatestCheckpoint.find(checkpointDir);
        if (latest.isPresent()) {
            // One job folder per restart would otherwise pile up for as long as the stream runs.
            LatestCheckpoint.pruneEarlierJobs(checkpointDir, latest.get())
                    .forEach(old -> System.out.println("removed the checkpoints of an earlier run: " + old));
        }
        String restore = fromSavepoint != null ? fromSavepoint : latest.map(chk -> chk.toUri().toString()).orElse(null);
        RuleFlags.publish(kafka.toConfig(), rules.read());
        if (restore != null) {
            System.out.println("resuming from " + restore);
        }
        return jobManager != null ? submit(restore) : runEmbedded(restore);
    }

    private int runEmbedded(String restorePath) throws Exception {
        JobOptions options = job.toOptions();
        KafkaClientConfig kafkaConfig = kafka.toConfig();
        Configuration conf = FlinkEnvironments.jobConfiguration(checkpointDir.toAbsolutePath(), checkpointInterval);
        if (restorePath != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath);
        }
        StreamExecutionEnvironment env = FlinkEnvironments.local(metrics.apply(conf), options.parallelism());
        metrics.announce();
        StreamLensJob.build(env, JobInputs.kafka(kafkaConfig, "streamlens", false), options,
                new StandardOutputs(kafkaConfig, options.delivery(), out, false));
        env.execute("streamlens");
        return 0;
    }

    /**
     * Submits streamlens-job.jar through the cluster's REST API, the way any stock Flink cluster
     * takes a job, and returns once it runs there.
     */
    private int submit(String restorePath) {
        if (out != null) {
            throw new ParameterException(spec.commandLine(), "--out writes files on the machine running the job; "
                    + "with --jobmanager read the topics instead (./streamlens ask, or a Kafka consumer)");
        }
        if (metrics.port != null) {
            throw new ParameterException(spec.commandLine(), "a cluster serves its metrics on its own ports: give "
                    + "--metrics-port to ./streamlens cluster start, or set metrics.reporter.prometheus.* in its configuration");
        }
        job.toOptions(); // refuses bad job flags here rather than in the cluster's log
        Path jar = jobJar != null ? jobJar : ClusterJob.defaultJar();
        if (!Files.isRegularFile(jar)) {
            throw new ParameterException(spec.commandLine(), "no job jar at " + jar + " (build it with mvn -pl deploy -am package)");
        }
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        List<String> args = new ArrayList<>(forwardedArgs(all.subList(all.indexOf(spec.name()) + 1, all.size())));
        args.add("--checkpoint-dir");
        args.add(checkpointDir.toAbsolutePath().toUri().toString());
        FlinkRest rest = new FlinkRest(jobManager);
        String jarId = rest.uploadJar(jar);
        String jobId = rest.runJar(jarId, ClusterJob.class.getName(), args, restorePath);
        System.out.println("submitted job " + jobId + " to " + rest.webUi());
        System.out.println("follow it at " + rest.webUi() + "#/job/running/" + jobId + "/overview");
        return 0;
    }

    static List<String> forwardedArgs(List<String> original) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (LOCAL_ONLY.contains(name)) {
                i += arg.contains("=") ? 0 : 1;
            } else {
                kept.add(arg);
            }
        }
        return kept;
    }
}
