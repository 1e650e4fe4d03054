package io.streamlens.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.deploy.EmbeddedKafka;
import io.streamlens.deploy.FlinkEnvironments;
import io.streamlens.deploy.JobInputs;
import io.streamlens.deploy.JobOptions;
import io.streamlens.deploy.StandardOutputs;
import io.streamlens.deploy.StreamLensJob;
import io.streamlens.deploy.TopicDump;
import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.SampleMedia;
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
import io.streamlens.sinks.FrameLine;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first job end to end: real KRaft Kafka in-process, Flink MiniCluster with RocksDB, real
 * FFmpeg on the Debian sample videos, generated clips and damaged copies, all in one run.
 */
class PipelineITCase {
    /** Small enough that the 1080p phone video's one 2.6 MB segment arrives in three parts. */
    private static final int PART_BYTES = 1024 * 1024;

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static KafkaClientConfig client;
    static Map<String, List<FrameLine>> framesByStream;
    static Map<String, List<DeadLetter>> lettersByStream;
    static Map<String, List<Caption>> captionsByStream;
    static Map<String, Answer> answersById;

    @BeforeAll
    static void runThePipelineOnGoodAndBadInput() throws Exception {
        kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
        kafka.createTopics(2, Topics.ALL);
        client = new KafkaClientConfig(kafka.bootstrapServers(), null);

        Path shots = dir.resolve("shots.mp4");
        SampleClip.write(shots, List.of(new SampleClip.Shot(Color.RED, "", 2), new SampleClip.Shot(Color.GREEN, "", 2),
                new SampleClip.Shot(Color.BLUE, "", 2)), 320, 180, 25, 25);
        Path signs = dir.resolve("signs.mp4");
        SampleClip.write(signs, SampleClip.DEMO_SHOTS, 640, 360, 25, 25);
        Path notAVideo = Files.writeString(dir.resolve("notes.mp4"), "minutes of the meeting\n".repeat(100));
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        byte[] shotBytes = Files.readAllBytes(shots);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(shotBytes, shotBytes.length / 2));
        byte[] hello = Files.readAllBytes(SampleMedia.file(SampleMedia.HELLO_MP4));
        byte[] noise = new byte[200_000];
        new Random(11).nextBytes(noise);
        System.arraycopy(noise, 0, hello, hello.length / 2, noise.length);
        Path damaged = Files.write(dir.resolve("damaged.mp4"), hello);

        try (SegmentPublisher publisher = new SegmentPublisher(client, PublishOptions.defaults().withMaxPartBytes(PART_BYTES))) {
            for (Path source : List.of(shots, signs, SampleMedia.file(SampleMedia.COCKATOO), SampleMedia.file(SampleMedia.PHONE_1080P),
                    SampleMedia.file(SampleMedia.HELLO_AVI), notAVideo, empty, truncated, damaged)) {
                publisher.publish(source.toString(), io.streamlens.records.StreamIds.fromSource(source.toString()));
            }
        }
        publishWithGarbageSecondSegment(shots, "spliced");
        ask(Query.of("q-gate", "signs", "When was gate 7 open?"), Query.of("q-nowhere", "nowhere", "What happened?"),
                Query.of("q-empty", "signs", "  "));

        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = FlinkEnvironments.local(
                FlinkEnvironments.jobConfiguration(dir.resolve("checkpoints"), Duration.ofSeconds(2)), 2);
        JobOptions options = JobOptions.builder().parallelism(2).boundedInput(true).build();
        StreamLensJob.build(env, JobInputs.kafka(client, "it", true), options,
                new StandardOutputs(client, DeliveryGuarantee.EXACTLY_ONCE, out, false));
        env.execute("pipeline-it");

        framesByStream = Files.readAllLines(out.resolve(StandardOutputs.FRAMES_FILE)).stream()
                .map(l -> Json.read(l, FrameLine.class)).collect(Collectors.groupingBy(FrameLine::streamId));
        lettersByStream = TopicDump.readAll(client, Topics.DEADLETTER).stream()
                .map(l -> Json.read(l, DeadLetter.class)).collect(Collectors.groupingBy(DeadLetter::streamId));
        captionsByStream = TopicDump.readAll(client, Topics.CAPTIONS).stream()
                .map(l -> Json.read(l, Caption.class)).collect(Collectors.groupingBy(Caption::streamId));
        answersById = TopicDump.readAll(client, Topics.ANSWERS).stream()
                .map(l -> Json.read(l, Answer.class)).collect(Collectors.toMap(Answer::queryId, a -> a));
    }

    static void ask(Query... queries) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client.properties(), new StringSerializer(), new StringSerializer())) {
            for (Query q : queries) {
                producer.send(new ProducerRecord<>(Topics.QUERIES, q.streamId(), Json.write(q)));
            }
        }
    }

    /** A stream whose segment 1 arrives as random bytes, as a broken producer or disk might send it. */
    static void publishWithGarbageSecondSegment(Path clip, String streamId) throws Exception {
        List<Segment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(clip.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(segments::add);
        }
        byte[] garbage = new byte[segments.get(1).bytes().length];
        new Random(5).nextBytes(garbage);
        var props = client.properties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Segment s : segments) {
                RecordHeaders h = new RecordHeaders();
                h.add(SegmentHeaders.SEQ, Long.toString(s.seq()).getBytes(StandardCharsets.UTF_8));
                h.add(SegmentHeaders.START_US, Long.toString(s.startUs()).getBytes(StandardCharsets.UTF_8));
                h.add(SegmentHeaders.CONTAINER, s.container().getBytes(StandardCharsets.UTF_8));
                h.add(SegmentHeaders.LAST, Boolean.toString(s.last()).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(Topics.SEGMENTS, null, streamId, s.seq() == 1 ? garbage : s.bytes(), h));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static List<Long> times(String stream) {
        return framesByStream.getOrDefault(stream, List.of()).stream().map(FrameLine::ptsMs).sorted().toList();
    }

    static List<String> reasons(String stream) {
        return lettersByStream.getOrDefault(stream, List.of()).stream().map(DeadLetter::reason).toList();
    }

    @Test
    void aGeneratedClipIsSampledOncePerSecondWithItsShotsNumbered() {
        assertThat(times("shots")).containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L);
        assertThat(framesByStream.get("shots")).extracting(FrameLine::sceneId).containsExactlyInAnyOrder(0, 0, 1, 1, 2, 2);
        assertThat(reasons("shots")).isEmpty();
    }

    @Test
    void theRealSampleVideosComeThroughWhole() {
        assertThat(times("cockatoo")).hasSize(14).startsWith(0L, 1000L).endsWith(13000L);
        assertThat(framesByStream.get("cockatoo")).allSatisfy(f -> assertThat(f.width()).isEqualTo(640));
        assertThat(times("movie-hello")).hasSize(9).endsWith(8000L);
        assertThat(reasons("cockatoo")).isEmpty();
        assertThat(reasons("movie-hello")).isEmpty();
    }

    @Test
    void the1080pPhoneVideoIsReassembledFromPartsAndSampled() {
        // A phone records at a variable rate: the second sample is the first frame at or after 1 s.
        assertThat(times("VID_20191220_170832")).hasSize(2).first().isEqualTo(0L);
        assertThat(times("VID_20191220_170832").get(1)).isBetween(1000L, 1040L);
        assertThat(framesByStream.get("VID_20191220_170832")).allSatisfy(f -> {
            assertThat(f.width()).isEqualTo(640);
            assertThat(f.height()).isEqualTo(360);
        });
        assertThat(reasons("VID_20191220_170832")).isEmpty();
    }

    @Test
    void inputsThatAreNoVideosGetSpecificDeadLetters() {
        assertThat(reasons("notes")).containsExactly("not-a-video");
        assertThat(reasons("empty")).containsExactly("empty");
        assertThat(reasons("truncated")).containsExactly("truncated");
        assertThat(framesByStream).doesNotContainKeys("notes", "empty", "truncated");
    }

    @Test
    void damageInTheMiddleIsReportedAndTheRestOfTheVideoIsStillSampled() {
        assertThat(reasons("damaged")).contains("damaged");
        assertThat(times("damaged")).contains(0L, 1000L, 2000L, 3000L, 6000L, 7000L, 8000L);
    }

    @Test
    void aGarbageSegmentLosesThatSegmentOnly() {
        assertThat(reasons("spliced")).containsExactly("undecodable");
        assertThat(lettersByStream.get("spliced").get(0).seq()).isEqualTo(1);
        assertThat(times("spliced")).containsExactly(0L, 1000L, 4000L, 5000L);
    }

    static Caption captionAt(String stream, long startMs) {
        return captionsByStream.get(stream).stream().filter(c -> c.startMs() == startMs).findFirst().orElseThrow();
    }

    @Test
    void theTextBurnedIntoEachShotIsInTheCaptionsOfItsWindows() {
        assertThat(captionsByStream.get("signs")).extracting(Caption::captionId)
                .containsExactly("signs/0", "signs/3000", "signs/6000");
        assertThat(captionAt("signs", 0).text()).startsWith("New shot.").contains("\"PLATFORM 12\"")
                .contains("New shot at 0:03").contains("\"GATE 7 OPEN\"").doesNotContain("STREAMLENS");
        assertThat(captionAt("signs", 3000).text()).contains("\"GATE 7 OPEN\"").contains("\"STREAMLENS\"")
                .doesNotContain("PLATFORM");
        assertThat(captionAt("signs", 6000).text()).contains("\"STREAMLENS\"").doesNotContain("GATE");
        assertThat(captionAt("signs", 6000).endMs()).isEqualTo(9000);
        assertThat(captionAt("signs", 0).evidence().text()).containsExactly("PLATFORM 12", "GATE 7 OPEN");
        assertThat(captionAt("signs", 0).evidence().sceneChangesMs()).containsExactly(0L, 3000L);
    }

    @Test
    void footageWithoutTextIsDescribedByItsColoursAsComputedFromThePixels() {
        assertThat(captionAt("shots", 0).text()).contains("red").contains("green").endsWith("No text on screen.");
        assertThat(captionAt("shots", 3000).text()).contains("Mostly blue").doesNotContain("green");
    }

    @Test
    void everyStreamWithFramesIsCaptionedWindowByWindowExactlyOnce() {
        assertThat(captionsByStream.get("cockatoo")).extracting(Caption::startMs)
                .containsExactly(0L, 3000L, 6000L, 9000L, 12000L);
        assertThat(captionsByStream.values()).flatExtracting(l -> l).extracting(Caption::captionId).doesNotHaveDuplicates();
        assertThat(captionsByStream).doesNotContainKeys("notes", "empty", "truncated");
    }

    @Test
    void theDebianScreenRecordingIsReadAloud() {
        String all = captionsByStream.get("movie-hello").stream().map(Caption::text).reduce("", String::concat);
        assertThat(all).contains("Hello world").contains("bin").contains("/usr");
    }

    @Test
    void aQuestionFindsTheWindowsThatShowedTheAnswer() {
        Answer answer = answersById.get("q-gate");
        assertThat(answer.evidence()).isNotEmpty();
        assertThat(answer.evidence().get(0).text()).contains("GATE 7 OPEN");
        assertThat(answer.evidence()).allSatisfy(s -> assertThat(s.endMs()).isGreaterThan(3000));
    }

    @Test
    void questionsAboutUnknownStreamsOrWithoutWordsAreAnsweredWithTheReason() {
        assertThat(answersById.get("q-nowhere").answer()).contains("no captions for stream 'nowhere'");
        assertThat(answersById.get("q-empty").answer()).isEqualTo("The question is empty.");
    }
}
