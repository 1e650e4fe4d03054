package io.streamlens.records;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Kafka client properties every StreamLens command shares: the bootstrap servers plus an
 * optional properties file ({@code --kafka-config}) for TLS, SASL and timeouts, applied alike to
 * producers, consumers and the job's sources and sinks.
 */
public record KafkaClientConfig(String bootstrapServers, Properties extra) {

    public KafkaClientConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are required (host:port[,host:port…])");
        }
        Properties copy = new Properties();
        if (extra != null) {
            copy.putAll(extra);
        }
        extra = copy;
    }

    public static KafkaClientConfig of(String bootstrapServers, Path configFile) {
        Properties extra = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile)) {
                extra.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read Kafka client config " + configFile + ": " + e.getMessage(), e);
            }
        }
        return new KafkaClientConfig(bootstrapServers, extra);
    }

    /** The client properties, with the bootstrap servers and the file's settings. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("bootstrap.servers", bootstrapServers);
        return p;
    }
}
