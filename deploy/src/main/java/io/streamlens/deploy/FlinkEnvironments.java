package io.streamlens.deploy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Execution environments with StreamLens' settings: RocksDB state, checkpoints, no Kryo fallback. */
public final class FlinkEnvironments {
    private FlinkEnvironments() {
    }

    /** The settings every StreamLens job runs with, local or on a cluster. */
    public static Configuration jobConfiguration(Path checkpointDir, Duration checkpointInterval) {
        return jobConfiguration(checkpointDir.toUri().toString(), checkpointInterval);
    }

    /**
     * The same, for a cluster whose checkpoint storage may be remote ({@code s3://…}).
     *
     * @param checkpointUri where checkpoints go, or null to keep the cluster's own setting
     * @param checkpointInterval how often, or null to keep the cluster's own setting
     */
    public static Configuration jobConfiguration(String checkpointUri, Duration checkpointInterval) {
        Configuration conf = new Configuration();
        conf.setString("state.backend.type", "rocksdb");
        if (checkpointUri != null) {
            conf.setString("execution.checkpointing.dir", checkpointUri);
        }
        if (checkpointInterval != null) {
            conf.setString("execution.checkpointing.interval", checkpointInterval.toMillis() + " ms");
        }
        conf.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        conf.setString("execution.checkpointing.incremental", "true");
        // Every record crossing an operator must have a real serializer: a Kryo fallback is a bug.
        conf.setString("pipeline.generic-types", "false");
        return conf;
    }

    /**
     * A MiniCluster inside this JVM. A local run that keeps failing is given up after three
     * restarts, so that a person sees the error instead of an endless retry.
     */
    public static StreamExecutionEnvironment local(Configuration conf, int parallelism) {
        Configuration c = new Configuration(conf);
        c.setString("restart-strategy.type", "fixed-delay");
        c.setString("restart-strategy.fixed-delay.attempts", "3");
        c.setString("restart-strategy.fixed-delay.delay", "1 s");
        c.setString("taskmanager.numberOfTaskSlots", String.valueOf(Math.max(parallelism, 1)));
        c.setString("rest.bind-port", "0");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, c);
        env.setParallelism(parallelism);
        return env;
    }
}
