package io.streamlens.deploy.cli;

import io.streamlens.records.Answer;
import io.streamlens.records.Durations;
import io.streamlens.records.Json;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask a question about a stream a running job has seen; prints the answer and when it was seen.")
final class AskCommand implements Callable<Integer> {
    @Mixin
    KafkaFlags kafka;

    @Option(names = "--stream-id", required = true, description = "the stream to ask about")
    String streamId;

    @Option(names = "--from", converter = DurationConverter.class, description = "only from this time on (e.g. 90s, 1.5m)")
    Duration from;

    @Option(names = "--to", converter = DurationConverter.class, description = "only up to this time")
    Duration to;

    @Option(names = "--timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "give up after (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Parameters(arity = "1", paramLabel = "QUESTION")
    String question;

    @Override
    public Integer call() {
        Query query = new Query(UUID.randomUUID().toString(), streamId, question,
                from == null ? null : from.toMillis(), to == null ? null : to.toMillis(), null);
        Properties p = kafka.toConfig().properties();
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> answers = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.toConfig().properties(), new StringSerializer(), new StringSerializer())) {
            List<TopicPartition> partitions = answers.partitionsFor(Topics.ANSWERS, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(Topics.ANSWERS, i.partition())).toList();
            answers.assign(partitions);
            answers.seekToEnd(partitions);
            partitions.forEach(answers::position); // fix the start before asking, so the answer cannot be missed
            producer.send(new ProducerRecord<>(Topics.QUERIES, streamId, Json.write(query)));
            producer.flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : answers.poll(Duration.ofMillis(250))) {
                    Answer answer = Json.read(r.value(), Answer.class);
                    if (query.queryId().equals(answer.queryId())) {
                        System.out.println(answer.answer());
                        answer.evidence().forEach(s -> System.out.printf("  %s–%s  %s%n",
                                Durations.clock(s.startMs()), Durations.clock(s.endMs()), s.text()));
                        return 0;
                    }
                }
            }
        }
        System.err.println("no answer within " + timeout.toSeconds() + " s: is a StreamLens job running against these topics?");
        return 2;
    }
}
