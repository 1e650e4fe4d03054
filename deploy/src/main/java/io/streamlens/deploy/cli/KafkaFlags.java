package io.streamlens.deploy.cli;

import io.streamlens.records.KafkaClientConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command reaches Kafka: servers plus an optional client properties file (TLS, SASL). */
final class KafkaFlags {
    @Option(names = "--bootstrap-servers", required = true, paramLabel = "H:P", description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*, timeouts) for every producer, consumer, source and sink")
    Path kafkaConfig;

    KafkaClientConfig toConfig() {
        return KafkaClientConfig.of(bootstrapServers, kafkaConfig);
    }
}
