package io.streamlens.deploy.cluster;

import java.nio.file.Path;

/**
 * Where a local cluster keeps everything: {@code conf/} (Flink's config.yaml and log4j), {@code log/}
 * (one log per process), {@code checkpoints/}, {@code savepoints/} and {@code pids/}.
 */
public record ClusterDir(Path root) {
    public ClusterDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path conf() {
        return root.resolve("conf");
    }

    public Path log() {
        return root.resolve("log");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path savepoints() {
        return root.resolve("savepoints");
    }

    Path pids() {
        return root.resolve("pids");
    }

    Path pidFile(String process) {
        return pids().resolve(process + ".pid");
    }

    Path logFile(String process) {
        return log().resolve(process + ".log");
    }
}
