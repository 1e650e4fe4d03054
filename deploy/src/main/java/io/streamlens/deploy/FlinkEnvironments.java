package io.streamlens.deploy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
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
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        if (checkpointUri != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointUri);
        }
        if (checkpointInterval != null) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        }
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        // Every record crossing an operator must have a real serializer: a Kryo fallback is a bug.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /**
     * A MiniCluster inside this JVM. A local run that keeps failing is given up after three
     * restarts, so that a person sees the error instead of an endless retry.
     */
    public static StreamExecutionEnvironment local(Configuration conf, int parallelism) {
        Configuration c = new Configuration(conf);
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        c.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(parallelism, 1));
        c.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, c);
        env.setParallelism(parallelism);
        return env;
    }
}
