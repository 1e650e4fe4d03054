package io.streamlens.deploy.view;

import io.streamlens.records.Answer;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Asks the running job: publishes queries to {@code video.queries} and completes each with the
 * answer of the same {@code queryId} from {@code video.answers}. One consumer, positioned at the
 * end of the answers before the first question goes out, serves every question, so none is missed
 * and many can wait at once. At most {@link #MAX_WAITING} wait; more are refused at once.
 */
public final class QueryClient implements AutoCloseable {
    public static final int MAX_WAITING = 64;

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> answers;
    private final Map<String, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public QueryClient(KafkaClientConfig kafka) {
        Properties p = kafka.properties();
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("enable.auto.commit", "false");
        answers = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        producer = new KafkaProducer<>(kafka.properties(), new StringSerializer(), new StringSerializer());
        thread = new Thread(this::follow, "viewer-answers");
        thread.setDaemon(true);
        thread.start();
    }

    /** Publishes the query; the future completes with its answer, or fails after {@code timeout}. */
    public CompletableFuture<Answer> ask(Query query, Duration timeout) throws InterruptedException {
        if (waiting.size() >= MAX_WAITING) {
            return CompletableFuture.failedFuture(new IllegalStateException("too many questions waiting; ask again later"));
        }
        if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return CompletableFuture.failedFuture(new IllegalStateException("Kafka's video.answers topic could not be reached"));
        }
        CompletableFuture<Answer> answer = new CompletableFuture<Answer>().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        waiting.put(query.queryId(), answer);
        answer.whenComplete((a, e) -> waiting.remove(query.queryId()));
        // A question for every stream has no stream to key it by; the job sends those to every subtask.
        producer.send(new ProducerRecord<>(Topics.QUERIES, query.streamId(), Json.write(query)));
        producer.flush();
        return answer;
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = answers.partitionsFor(Topics.ANSWERS, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(Topics.ANSWERS, i.partition())).toList();
            answers.assign(partitions);
            answers.seekToEnd(partitions);
            partitions.forEach(answers::position); // fix the start before any question is asked
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, String> r : answers.poll(Duration.ofMillis(200))) {
                    complete(r.value());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            answers.close(Duration.ofSeconds(2));
        }
    }

    private void complete(String json) {
        Answer answer;
        try {
            answer = Json.read(json, Answer.class);
        } catch (RuntimeException e) {
            return; // not an answer; someone else's garbage on the topic
        }
        CompletableFuture<Answer> future = answer.queryId() == null ? null : waiting.get(answer.queryId());
        if (future != null) {
            future.complete(answer);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        answers.wakeup();
        thread.join(5_000);
        producer.close(Duration.ofSeconds(2));
    }
}
