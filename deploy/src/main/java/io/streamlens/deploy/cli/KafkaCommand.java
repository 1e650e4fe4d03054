package io.streamlens.deploy.cli;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.records.Topics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = "Run a single-node KRaft Kafka broker in the foreground, with the StreamLens topics created.")
final class KafkaCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "broker port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "kafka-data", description = "log folder (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        EmbeddedKafka broker = EmbeddedKafka.start(port, dataDir);
        broker.createTopics(2, Topics.ALL);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("Kafka is up at " + broker.bootstrapServers() + " (data in " + dataDir.toAbsolutePath() + "); Ctrl-C stops it");
        broker.awaitShutdown();
        return 0;
    }
}
