package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;

import com.sun.net.httpserver.HttpServer;
import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.Segment;
import io.streamlens.ingest.SegmentPublisher.PublishOptions;
import io.streamlens.ingest.SegmentPublisher;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.Json;
import io.streamlens.records.KafkaClientConfig;
import io.streamlens.records.Query;
import io.streamlens.records.SegmentHeaders;
import io.streamlens.records.Topics;
import java.awt.Color;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records written straight to the job's topics, as any producer on the cluster could write them:
 * playlists that name URLs and files, pictures a few pixels wide, a tombstone query, a clock
 * centuries ahead, a segment claiming a million parts, and a few hundred random records. The job
 * runs with restarts off, so one record that failed it would fail this test; one good stream
 * published alongside must be captioned whole, and no byte may reach the HTTP server or the secret file.
 */
class HostileInputITCase {
    private static final int FUZZ_SEGMENT_RECORDS = 300;
    private static final int FUZZ_QUERY_RECORDS = 100;

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static KafkaClientConfig client;
    static HttpServer http;
    static final AtomicInteger httpRequests = new AtomicInteger();
    static Map<String, List<DeadLetter>> lettersByStream;
    static Map<String, List<Caption>> captionsByStream;
    static Map<String, Answer> answersById;
    static List<Answer> answers;

    @BeforeAll
    static void runTheJobOnHostileRecords() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            httpRequests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
        kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
        kafka.createTopics(2, Topics.ALL);
        client = new KafkaClientConfig(kafka.bootstrapServers(), null);

        Path good = dir.resolve("good.mp4");
        SampleClip.write(good, SampleClip.DEMO_SHOTS, 640, 360, 25, 25);
        Path secret = dir.resolve("secret.mp4");
        SampleClip.write(secret, List.of(new SampleClip.Shot(Color.BLACK, "SECRET FILE", 2)), 640, 360, 25, 25);
        Path secretTs = dir.resolve("secret.ts");
        java.nio.file.Files.write(secretTs, segmentsOf(secret).get(0).bytes());
        Path tiny = dir.resolve("tiny.mp4");
        // OpenH264 refuses pictures this small; MPEG-2 encodes them, as a camera or a forger could.
        SampleClip.write(tiny, List.of(new SampleClip.Shot(Color.ORANGE, "", 1)), 12, 12, 10, 10, AV_CODEC_ID_MPEG2VIDEO);

        String origin = "http://127.0.0.1:" + http.getAddress().getPort();
        String playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n" + origin + "/seg0.ts\n#EXTINF:2,\nfile:"
                + secretTs + "\n#EXT-X-ENDLIST\n";
        String concat = "ffconcat version 1.0\nfile '" + secretTs + "'\nfile '" + origin + "/seg1.ts'\n";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, "playlist-hls", 0, 0, "hls", playlist.getBytes(StandardCharsets.UTF_8), 0, 1);
            send(producer, "playlist-as-ts", 0, 0, "mpegts", playlist.getBytes(StandardCharsets.UTF_8), 0, 1);
            send(producer, "playlist-concat", 0, 0, "concat", concat.getBytes(StandardCharsets.UTF_8), 0, 1);
            send(producer, "far-future", 0, 9_000_000_000_000_000_000L, "mpegts", segmentsOf(good).get(0).bytes(), 0, 1);
            send(producer, "million-parts", 0, 0, "mpegts", new byte[100_000], 0, 1_000_000);
            for (Segment s : segmentsOf(tiny)) {
                send(producer, "tiny", s.seq(), s.startUs(), s.container(), s.bytes(), 0, 1);
            }
            fuzzSegments(producer, segmentsOf(good));
            producer.send(new ProducerRecord<>(Topics.QUERIES, "good", null)); // a tombstone
            producer.send(new ProducerRecord<>(Topics.QUERIES, "good",
                    "{\"queryId\":\"q-typed\",\"streamId\":\"good\",\"question\":\"gate?\",\"fromMs\":\"soon\"}"
                            .getBytes(StandardCharsets.UTF_8)));
            fuzzQueries(producer);
            producer.send(new ProducerRecord<>(Topics.QUERIES, "good",
                    Json.write(Query.of("q-good", "good", "When was gate 7 open?")).getBytes(StandardCharsets.UTF_8)));
        }
        try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults())) {
            assertThat(publisher.publish(good.toString(), "good").failed()).isFalse();
        }

        Configuration noRestarts = FlinkEnvironments.jobConfiguration(dir.resolve("checkpoints"), Duration.ofSeconds(2));
        StreamExecutionEnvironment env = FlinkEnvironments.local(noRestarts, 2);
        Configuration failFast = new Configuration();
        failFast.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // one record that fails the job fails the test
        env.configure(failFast);
        StreamLensJob.build(env, JobInputs.kafka(client, "hostile", true),
                JobOptions.builder().parallelism(2).boundedInput(true).build(),
                new StandardOutputs(client, DeliveryGuarantee.EXACTLY_ONCE, dir.resolve("out"), false));
        env.execute("hostile-input-it");

        lettersByStream = TopicDump.readAll(client, Topics.DEADLETTER).stream()
                .map(l -> Json.read(l, DeadLetter.class)).collect(Collectors.groupingBy(DeadLetter::streamId));
        captionsByStream = TopicDump.readAll(client, Topics.CAPTIONS).stream()
                .map(l -> Json.read(l, Caption.class)).collect(Collectors.groupingBy(Caption::streamId));
        answers = TopicDump.readAll(client, Topics.ANSWERS).stream().map(l -> Json.read(l, Answer.class)).toList();
        answersById = answers.stream().collect(Collectors.toMap(Answer::queryId, a -> a, (a, b) -> a));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (http != null) {
            http.stop(0);
        }
    }

    static List<Segment> segmentsOf(Path file) throws Exception {
        List<Segment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(segments::add);
        }
        return segments;
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(client.properties(), new org.apache.kafka.common.serialization.StringSerializer(),
                new ByteArraySerializer());
    }

    static void send(KafkaProducer<String, byte[]> producer, String stream, long seq, long startUs, String container,
                     byte[] bytes, int part, int parts) {
        RecordHeaders h = new RecordHeaders();
        h.add(SegmentHeaders.SEQ, Long.toString(seq).getBytes(StandardCharsets.UTF_8));
        h.add(SegmentHeaders.START_US, Long.toString(startUs).getBytes(StandardCharsets.UTF_8));
        h.add(SegmentHeaders.CONTAINER, container.getBytes(StandardCharsets.UTF_8));
        h.add(SegmentHeaders.PART, Integer.toString(part).getBytes(StandardCharsets.UTF_8));
        h.add(SegmentHeaders.PARTS, Integer.toString(parts).getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(Topics.SEGMENTS, null, stream, bytes, h));
    }

    /** Random and mutated records with random headers, on streams of their own. */
    static void fuzzSegments(KafkaProducer<String, byte[]> producer, List<Segment> real) {
        Random random = new Random(2026_12_02);
        String[] names = {SegmentHeaders.STREAM_ID, SegmentHeaders.SEQ, SegmentHeaders.START_US, SegmentHeaders.CONTAINER,
                SegmentHeaders.LAST, SegmentHeaders.PART, SegmentHeaders.PARTS, SegmentHeaders.SOURCE, "x-other"};
        String[] values = {"0", "1", "-1", "2", "9223372036854775807", "-9223372036854775808", "1e3", "", "mpegts",
                "mp4", "hls", "concat", "true", "false", "null", "\u0000", "ü".repeat(2000), "999999999999"};
        for (int i = 0; i < FUZZ_SEGMENT_RECORDS; i++) {
            RecordHeaders h = new RecordHeaders();
            for (int k = random.nextInt(10); k > 0; k--) {
                String value = random.nextInt(4) == 0 ? Long.toString(random.nextLong()) : values[random.nextInt(values.length)];
                h.add(names[random.nextInt(names.length)], value.getBytes(StandardCharsets.UTF_8));
            }
            byte[] body = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> randomBytes(random, 5_000);
                default -> mutate(real.get(random.nextInt(real.size())).bytes(), random);
            };
            String key = random.nextInt(10) == 0 ? null : "fuzz-" + random.nextInt(20);
            producer.send(new ProducerRecord<>(Topics.SEGMENTS, null, key, body, h));
        }
    }

    static void fuzzQueries(KafkaProducer<String, byte[]> producer) {
        Random random = new Random(7);
        String[] bodies = {"null", "[]", "{}", "{\"question\":1}", "{\"streamId\":[\"a\"]}", "\"x\"", "{\"queryId\":null}"};
        for (int i = 0; i < FUZZ_QUERY_RECORDS; i++) {
            byte[] body = random.nextBoolean() ? bodies[random.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8)
                    : randomBytes(random, 300);
            producer.send(new ProducerRecord<>(Topics.QUERIES, random.nextBoolean() ? null : "fuzz-q", body));
        }
    }

    static byte[] mutate(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int i = 0; i < 1 + random.nextInt(40); i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? out : java.util.Arrays.copyOf(out, random.nextInt(out.length) + 1);
    }

    static byte[] randomBytes(Random random, int max) {
        byte[] bytes = new byte[random.nextInt(max) + 1];
        random.nextBytes(bytes);
        return bytes;
    }

    static List<String> reasons(String stream) {
        return lettersByStream.getOrDefault(stream, List.of()).stream().map(DeadLetter::reason).toList();
    }

    @Test
    void noPlaylistInASegmentReachesAHostOrAFile() {
        assertThat(httpRequests.get()).as("requests the HTTP server saw").isZero();
        assertThat(reasons("playlist-hls")).containsExactly("unsupported-container");
        assertThat(reasons("playlist-concat")).containsExactly("unsupported-container");
        assertThat(reasons("playlist-as-ts")).containsExactly("undecodable");
        assertThat(captionsByStream.values()).flatExtracting(l -> l)
                .allSatisfy(c -> assertThat(c.text()).doesNotContainIgnoringCase("secret"));
        assertThat(captionsByStream).doesNotContainKeys("playlist-hls", "playlist-as-ts", "playlist-concat");
    }

    @Test
    void picturesAFewPixelsWideAreRefusedWithAReasonAndTheJobLives() {
        assertThat(reasons("tiny")).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo("too-small"));
    }

    @Test
    void forgedHeadersAreDeadLetteredAtOnce() {
        assertThat(reasons("far-future")).containsExactly("malformed");
        assertThat(lettersByStream.get("far-future").get(0).detail()).contains("start-us");
        assertThat(reasons("million-parts")).containsExactly("too-large");
    }

    @Test
    void theGoodStreamIsCaptionedWholeBesideEveryHostileRecord() {
        assertThat(captionsByStream.get("good")).extracting(Caption::captionId)
                .containsExactly("good/0", "good/3000", "good/6000");
        String all = captionsByStream.get("good").stream().map(Caption::text).collect(Collectors.joining(" "));
        assertThat(all).contains("PLATFORM 12").contains("GATE 7 OPEN").contains("STREAMLENS");
        assertThat(reasons("good")).isEmpty();
    }

    @Test
    void everyQueryRecordIsAnsweredAndNoneStopsTheJob() {
        assertThat(answersById.get("q-good").evidence()).isNotEmpty();
        assertThat(answersById.get("q-typed").answer()).contains("fromMs");
        assertThat(answers).anySatisfy(a -> assertThat(a.answer()).contains("no value"));
        assertThat(answers).hasSize(FUZZ_QUERY_RECORDS + 3);
    }

    @Test
    void fuzzedSegmentRecordsEndAsDeadLettersNeverAsAFailedJob() {
        long fuzzLetters = lettersByStream.entrySet().stream()
                .filter(e -> e.getKey().startsWith("fuzz-") || e.getKey().equals("unknown"))
                .mapToLong(e -> e.getValue().size()).sum();
        assertThat(fuzzLetters).isPositive();
        assertThat(lettersByStream.values()).flatExtracting(l -> l).allSatisfy(d -> assertThat(d.detail()).isNotBlank());
    }
}
