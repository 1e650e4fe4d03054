package io.streamlens.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) inside this JVM, for the demo,
 * the tests and {@code ./streamlens kafka}. Every replication factor is 1.
 */
public final class EmbeddedKafka implements AutoCloseable {
    /** Room for a whole segment per message, so that most segments need no splitting. */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker on {@code port} (0 picks a free one), keeping its logs in {@code dataDir}. */
    public static EmbeddedKafka start(int port, Path dataDir) throws IOException {
        int[] free = freePorts(2);
        int brokerPort = port == 0 ? free[0] : port;
        int controllerPort = free[1] == brokerPort ? free[0] : free[1];
        Files.createDirectories(dataDir);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toAbsolutePath().toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "2");
        p.setProperty("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.setProperty("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.setProperty("transaction.max.timeout.ms", String.valueOf(TimeUnit.HOURS.toMillis(1)));
        p.setProperty("log.flush.interval.messages", "1");
        format(p, dataDir);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server, brokerPort);
    }

    private static void format(Properties p, Path dataDir) throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return; // already formatted: a restarted broker keeps its topics
        }
        Path config = Files.createTempFile("streamlens-kafka", ".properties");
        try (Writer w = Files.newBufferedWriter(config)) {
            p.store(w, "StreamLens embedded Kafka");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {
            "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (status != 0) {
            throw new IOException("formatting Kafka storage in " + dataDir + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Creates topics (if missing) with the given partition count and the broker's message limit. */
    public void createTopics(int partitions, List<String> names) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            for (String name : names) {
                NewTopic topic = new NewTopic(name, partitions, (short) 1)
                        .configs(java.util.Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES)));
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topics within 30 s", e);
        }
    }

    /**
     * Distinct free ports: the sockets stay open until all are picked, or the system may hand the
     * same port out twice (it did: broker and controller on one port, and the broker refused to start).
     */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
