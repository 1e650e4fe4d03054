package io.streamlens.deploy.cluster;

import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.MetricsReporter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;

/**
 * The shape of a local standalone cluster.
 *
 * @param taskManagers how many TaskManager processes
 * @param slots task slots per TaskManager
 * @param restPort the JobManager's REST API and web UI
 * @param taskManagerMemory each TaskManager's total process memory, in Flink's syntax ({@code 3g});
 *     ONNX Runtime's native memory is part of it (task off-heap)
 * @param metricsPort the first of the ports where the processes serve their metrics for
 *     Prometheus, one port each (the JobManager and every TaskManager), or null for none
 */
public record ClusterSettings(int taskManagers, int slots, int restPort, String taskManagerMemory, Integer metricsPort) {
    public static final int DEFAULT_REST_PORT = 8081;

    public ClusterSettings {
        if (taskManagers < 1 || slots < 1) {
            throw new IllegalArgumentException("a cluster needs at least one TaskManager with one slot, got "
                    + taskManagers + " x " + slots);
        }
        if (metricsPort != null) {
            MetricsReporter.rangeFor(metricsPort, taskManagers + 1); // refuses a range that does not fit
        }
    }

    /** Without metrics. */
    public ClusterSettings(int taskManagers, int slots, int restPort, String taskManagerMemory) {
        this(taskManagers, slots, restPort, taskManagerMemory, null);
    }

    /** One port for each process, as Flink's reporter takes them: a range in which each process takes the first free one. */
    public String metricsPorts() {
        return MetricsReporter.rangeFor(metricsPort, taskManagers + 1);
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(1, 2, DEFAULT_REST_PORT, "3g");
    }

    /**
     * Flink's {@code config.yaml} for this cluster. Checkpoints and savepoints go to folders of
     * the cluster; the heartbeat is short because every process is on this machine, so a killed
     * TaskManager is noticed in seconds rather than Flink's default 50.
     */
    Map<String, String> flinkConfig(ClusterDir dir, int rpcPort) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "localhost");
        conf.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        conf.put("jobmanager.bind-host", "localhost");
        conf.put("taskmanager.bind-host", "localhost");
        conf.put("taskmanager.host", "localhost");
        conf.put("rest.address", "localhost");
        conf.put("rest.bind-address", "localhost");
        conf.put("rest.port", String.valueOf(restPort));
        // The job's own settings (RocksDB, incremental retained checkpoints, no Kryo), as every run has them.
        FlinkEnvironments.jobConfiguration(dir.checkpoints(), null).toMap().forEach(conf::put);
        conf.put(CheckpointingOptions.SAVEPOINT_DIRECTORY.key(), dir.savepoints().toUri().toString());
        conf.put("jobmanager.memory.process.size", "1600m");
        conf.put("taskmanager.memory.process.size", taskManagerMemory);
        // ONNX Runtime and FFmpeg allocate outside the JVM heap; Flink must leave room for them.
        conf.put("taskmanager.memory.task.off-heap.size", "512m");
        conf.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        conf.put("parallelism.default", "1");
        conf.put("restart-strategy.type", "exponential-delay");
        conf.put("restart-strategy.exponential-delay.initial-backoff", "1 s");
        conf.put("restart-strategy.exponential-delay.max-backoff", "30 s");
        conf.put("heartbeat.interval", "2000");
        conf.put("heartbeat.timeout", "10000");
        conf.put("web.submit.enable", "true");
        conf.put("web.upload.dir", dir.root().resolve("uploads").toAbsolutePath().toString());
        conf.put("io.tmp.dirs", dir.root().resolve("tmp").toAbsolutePath().toString());
        if (metricsPort != null) {
            conf.putAll(MetricsReporter.settings(metricsPorts()));
        }
        return conf;
    }
}
