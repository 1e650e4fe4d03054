package io.streamlens.deploy.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.ingest.SampleClip;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer's HTTP side over a real in-process Kafka, with a real HTTP client. */
class ViewerServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;
    static KafkaClientConfig kafka;
    static ViewerServer viewer;
    static Path video;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafka.start(0, dir.resolve("kafka"));
        broker.createTopics(1, List.of(Topics.SEGMENTS, Topics.CAPTIONS, Topics.QUERIES, Topics.ANSWERS));
        kafka = new KafkaClientConfig(broker.bootstrapServers(), null);
        video = dir.resolve("signs.mp4");
        SampleClip.write(video, SampleClip.DEMO_SHOTS, 320, 180, 25, 25);
        Files.writeString(dir.resolve("secret.txt"), "not for the page");
        viewer = ViewerServer.start(ViewerOptions.local(0, List.of(video.toString(), dir.resolve("missing.mp4").toString())), kafka);
    }

    @AfterAll
    static void stop() throws Exception {
        viewer.close();
        broker.close();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(viewer.url() + path.substring(1)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void publishCaption(Caption c) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(kafka.properties(), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(Topics.CAPTIONS, c.streamId(), Json.write(c)));
            p.send(new ProducerRecord<>(Topics.CAPTIONS, c.streamId(), "{ not a caption"));
        }
    }

    private static Caption caption(String stream, long startMs, String text) {
        return new Caption(stream, Caption.idOf(stream, startMs), startMs, startMs + 4000, text, "",
                new Caption.Evidence(List.of(), List.of(), List.of(), 4), null, "perception");
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void thePageAndItsAssetsComeFromTheJar() throws Exception {
        assertThat(text(get("/"))).contains("<video id=\"video\"").contains("/viewer.js").doesNotContain("http://", "https://");
        assertThat(text(get("/viewer.js"))).contains("EventSource");
        assertThat(get("/viewer.css").statusCode()).isEqualTo(200);
        assertThat(get("/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void theVideoIsServedInRangesFromTheFileGivenForTheStream() throws Exception {
        byte[] file = Files.readAllBytes(video);
        HttpResponse<byte[]> part = get("/api/video?stream=signs", "Range", "bytes=100-1099");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-1099/" + file.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(file, 100, 1100));
        HttpResponse<byte[]> whole = get("/api/video?stream=signs");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(file);
        assertThat(get("/api/video?stream=signs", "Range", "bytes=" + file.length + "-").statusCode()).isEqualTo(416);
    }

    @Test
    void noRequestReachesAFileItWasNotGiven() throws Exception {
        for (String path : List.of("/api/video?stream=secret", "/api/video?stream=" + dir.resolve("secret.txt"),
                "/api/video?stream=..%2Fsecret.txt", "/api/video?stream=missing", "/api/video", "/secret.txt",
                "/../secret.txt", "/api/video?stream=signs/../secret")) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(text(r)).as(path).doesNotContain("not for the page");
        }
    }

    @Test
    void captionsFromTheTopicAreListedAsSubtitlesAndPushedToOpenPages() throws Exception {
        HttpResponse<java.io.InputStream> events = http.send(HttpRequest.newBuilder(URI.create(viewer.url() + "api/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(events.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        CompletableFuture<String> pushed = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data: ") && line.contains("\"streamId\":\"pushed\"")) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        publishCaption(caption("pushed", 8000, "GATE 7 OPEN"));
        assertThat(pushed.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).contains("GATE 7 OPEN");
        waitFor("the caption listed", () -> viewer.catalog().knows("pushed"));
        assertThat(text(get("/api/subtitles.vtt?stream=pushed"))).startsWith("WEBVTT").contains("00:00:08.000 --> ").contains("GATE 7 OPEN");
        assertThat(text(get("/api/streams"))).contains("\"streamId\":\"pushed\"").contains("\"streamId\":\"signs\"")
                .doesNotContain("missing");
    }

    @Test
    void aQuestionFromThePageIsAskedOnTheTopicAndAnsweredWithItsAnswer() throws Exception {
        CompletableFuture<HttpResponse<String>> asked = http.sendAsync(HttpRequest.newBuilder(URI.create(viewer.url() + "api/ask"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"when was the gate open?\",\"streamId\":\"signs\",\"fromMs\":1000}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Query query = nextQuery();
        assertThat(query.streamId()).isEqualTo("signs");
        assertThat(query.fromMs()).isEqualTo(1000L);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(kafka.properties(), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(Topics.ANSWERS, "signs", Json.write(new Answer("someone-else", "signs", "?", "no", List.of()))));
            p.send(new ProducerRecord<>(Topics.ANSWERS, "signs", "garbage"));
            p.send(new ProducerRecord<>(Topics.ANSWERS, "signs", Json.write(new Answer(query.queryId(), "signs", query.question(),
                    "From 0:03 to 0:06.", List.of(new Answer.Span(3000, 6000, "GATE 7 OPEN"))))));
        }
        HttpResponse<String> answer = asked.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Json.read(answer.body(), Answer.class).evidence()).containsExactly(new Answer.Span(3000, 6000, "GATE 7 OPEN"));
    }

    private static Query nextQuery() {
        Properties p = kafka.properties();
        p.setProperty("group.id", "test-" + UUID.randomUUID());
        p.setProperty("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> queries = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            queries.subscribe(List.of(Topics.QUERIES));
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : queries.poll(Duration.ofMillis(200))) {
                    return Json.read(r.value(), Query.class);
                }
            }
        }
        throw new AssertionError("no query was published");
    }

    @Test
    void questionsThatAreNotQuestionsAreRefusedAtTheDoor() throws Exception {
        for (Map.Entry<String, Integer> bad : Map.of("not json", 400, "{\"question\":42}", 400,
                "{\"question\":\"x\",\"fromMs\":-5}", 400, "{\"question\":\"" + "x".repeat(10_000) + "\"}", 413).entrySet()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(viewer.url() + "api/ask"))
                    .POST(HttpRequest.BodyPublishers.ofString(bad.getKey())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(bad.getKey()).isEqualTo(bad.getValue());
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create(viewer.url() + "api/streams")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
}
