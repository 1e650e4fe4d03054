package io.streamlens.deploy.cli;

import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.LatestCheckpoint;
import io.streamlens.deploy.QuerySources;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.SegmentSources;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.records.KafkaClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the job against a real Kafka until stopped, on an embedded MiniCluster or a Flink cluster "
                + "(--jobmanager). After a crash, the same command resumes from the latest checkpoint in --checkpoint-dir.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaFlags kafka;

    @Mixin
    JobFlags job;

    @Option(names = "--checkpoint-dir", defaultValue = "checkpoints", description = "durable checkpoint folder (default: ${DEFAULT-VALUE})")
    Path checkpointDir;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = DurationConverter.class, description = "checkpoint every (default: ${DEFAULT-VALUE})")
    Duration checkpointInterval;

    @Option(names = "--out", description = "also write frames.jsonl to this local folder (on the machine running the job)")
    Path out;

    @Option(names = "--jobmanager", paramLabel = "H:P", description = "submit to this Flink cluster's REST endpoint instead of running embedded")
    String jobManager;

    @Override
    public Integer call() throws Exception {
        JobOptions options = job.toOptions();
        KafkaClientConfig kafkaConfig = kafka.toConfig();
        Configuration conf = FlinkEnvironments.jobConfiguration(checkpointDir.toAbsolutePath(), checkpointInterval);
        LatestCheckpoint.find(checkpointDir).ifPresent(chk -> {
            System.out.println("resuming from " + chk);
            conf.setString("execution.state-recovery.path", chk.toUri().toString());
        });
        StreamExecutionEnvironment env;
        if (jobManager != null) {
            String[] hostPort = jobManager.split(":", 2);
            String jar = RunCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            env = StreamExecutionEnvironment.createRemoteEnvironment(hostPort[0], Integer.parseInt(hostPort[1]), conf, jar);
            env.setParallelism(options.parallelism());
        } else {
            env = FlinkEnvironments.local(conf, options.parallelism());
        }
        StreamLensJob.build(env, SegmentSources.kafka(kafkaConfig, options.segmentsTopic(), "streamlens", false),
                QuerySources.kafka(kafkaConfig, "streamlens", false), options,
                new StandardOutputs(kafkaConfig, options.delivery(), out, false));
        env.execute("streamlens");
        return 0;
    }
}
