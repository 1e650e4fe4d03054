package io.streamlens.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes and reads a local cluster's {@code conf/}: Flink's {@code config.yaml} and the log4j settings. */
final class ClusterConfigFiles {
    static final String CONFIG = "config.yaml";
    static final String LOG4J = "log4j.properties";

    private static final String LOG4J_SETTINGS = """
            rootLogger.level = INFO
            rootLogger.appenderRef.file.ref = MainAppender
            appender.main.name = MainAppender
            appender.main.type = RollingFile
            appender.main.append = true
            appender.main.fileName = ${sys:log.file}
            appender.main.filePattern = ${sys:log.file}.%i
            appender.main.layout.type = PatternLayout
            appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            appender.main.policies.type = Policies
            appender.main.policies.size.type = SizeBasedTriggeringPolicy
            appender.main.policies.size.size = 100MB
            appender.main.strategy.type = DefaultRolloverStrategy
            appender.main.strategy.max = 5
            logger.kafka.name = org.apache.kafka
            logger.kafka.level = WARN
            logger.djl.name = ai.djl
            logger.djl.level = WARN
            """;

    private ClusterConfigFiles() {
    }

    static void write(ClusterDir dir, Map<String, String> flinkConfig) {
        try {
            Files.createDirectories(dir.conf());
            String yaml = flinkConfig.entrySet().stream().map(e -> e.getKey() + ": " + yamlValue(e.getValue()))
                    .collect(Collectors.joining("\n", "# written by ./streamlens cluster start\n", "\n"));
            Files.writeString(dir.conf().resolve(CONFIG), yaml);
            Files.writeString(dir.conf().resolve(LOG4J), LOG4J_SETTINGS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cluster configuration to " + dir.conf(), e);
        }
    }

    /** A value from the written {@code config.yaml}, or empty when there is none. */
    static Optional<String> read(ClusterDir dir, String key) {
        Path file = dir.conf().resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key + ": "))
                    .map(l -> l.substring(key.length() + 2).replace("'", "")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Quoted, because values such as {@code file:///…} or {@code 1 s} are not plain YAML scalars everywhere. */
    private static String yamlValue(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
