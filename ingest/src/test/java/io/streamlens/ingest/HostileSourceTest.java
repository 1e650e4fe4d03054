package io.streamlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.streamlens.records.DeadLetterReason;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file a user publishes is theirs to open, but what it names is not: a playlist or concat list
 * inside a local file must reach no host and no other file, and a picture is not a video.
 */
class HostileSourceTest {
    @TempDir
    Path dir;
    private HttpServer http;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterEach
    void stopServer() {
        http.stop(0);
    }

    private String origin() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private Path realTsSegment() throws Exception {
        Path clip = dir.resolve("real.mp4");
        SampleClip.write(clip, List.of(new SampleClip.Shot(Color.RED, "SECRET", 1)), 160, 96, 10, 10);
        List<Segment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(clip.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(segments::add);
        }
        return Files.write(dir.resolve("secret.ts"), segments.get(0).bytes());
    }

    @Test
    void aLocalPlaylistFetchesNoUrlAndReadsNoOtherFile() throws Exception {
        Path secret = realTsSegment();
        Path playlist = Files.writeString(dir.resolve("list.m3u8"), "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:1,\n"
                + origin() + "/a.ts\n#EXTINF:1,\n" + secret + "\n#EXT-X-ENDLIST\n");
        assertThatThrownBy(() -> Segmenter.open(playlist.toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOf(IngestException.class);
        assertThat(requests.get()).isZero();
    }

    @Test
    void aLocalConcatListIsNotFollowed() throws Exception {
        Path secret = realTsSegment();
        Path list = Files.writeString(dir.resolve("list.txt"), "ffconcat version 1.0\nfile '" + secret + "'\nfile '"
                + origin() + "/b.ts'\n");
        assertThatThrownBy(() -> Segmenter.open(list.toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).reason()).isEqualTo(DeadLetterReason.NOT_A_VIDEO));
        assertThat(requests.get()).isZero();
    }

    @Test
    void aPictureNamedLikeAVideoIsNotAVideo() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("holiday.mp4");
        ImageIO.write(image, "png", png.toFile());
        assertThatThrownBy(() -> Segmenter.open(png.toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).reason()).isEqualTo(DeadLetterReason.NOT_A_VIDEO))
                .hasMessageContaining("still image");
    }

    @Test
    void randomBytesSplicedIntoATransportStreamAreReportedAsDamage() throws Exception {
        Path clip = dir.resolve("long.mp4");
        SampleClip.write(clip, List.of(new SampleClip.Shot(Color.BLUE, "DAMAGE", 6)), 320, 180, 25, 25);
        java.io.ByteArrayOutputStream ts = new java.io.ByteArrayOutputStream();
        try (Segmenter segmenter = Segmenter.open(clip.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(segment -> ts.write(segment.bytes()));
        }
        byte[] clean = ts.toByteArray();
        java.io.ByteArrayOutputStream spliced = new java.io.ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(512);
        for (int at = 0; at < clean.length; at += 10_240) {
            spliced.write(clean, at, Math.min(10_240, clean.length - at));
            byte[] noise = new byte[512];
            random.nextBytes(noise);
            spliced.write(noise);
        }
        Path damaged = Files.write(dir.resolve("spliced.ts"), spliced.toByteArray());
        List<Segment> segments = new ArrayList<>();
        SourceSummary summary;
        try (Segmenter segmenter = Segmenter.open(damaged.toString(), SegmenterOptions.DEFAULTS)) {
            summary = segmenter.forEach(segments::add);
        }
        assertThat(segments).isNotEmpty();
        assertThat(summary.problem()).get().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(DeadLetterReason.DAMAGED);
            assertThat(p.detail()).contains("damaged");
        });
    }

    @Test
    void aWholeFileOfNoSecondsIsEmptyNotTruncated() throws Exception {
        Path zero = dir.resolve("zero.mp4");
        try (org.bytedeco.javacv.FFmpegFrameRecorder recorder = new org.bytedeco.javacv.FFmpegFrameRecorder(zero.toFile(), 64, 64, 0)) {
            recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(25);
            recorder.start();
            recorder.stop();
        }
        assertThatThrownBy(() -> Segmenter.open(zero.toString(), SegmenterOptions.DEFAULTS))
                .isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).reason()).isEqualTo(DeadLetterReason.EMPTY));
    }

    @Test
    void anHttpSourceMayNotLeadToAFile() {
        assertThat(InputPolicy.protocolsFor("https")).contains("https").doesNotContain("file");
        assertThat(InputPolicy.protocolsFor("rtsp")).contains("rtp").doesNotContain("file").doesNotContain("http");
    }

    @Test
    void damageIsReportedAsASpanInTimeOrderWhateverTheOrderItWasFound() {
        DamageLog log = new DamageLog();
        log.skippedPacket(1_900_000);
        log.skippedPacket(1_800_000);
        assertThat(log.describe(null)).get().satisfies(p -> assertThat(p.detail()).contains("between 1.8 s and 1.9 s"));
    }
}
