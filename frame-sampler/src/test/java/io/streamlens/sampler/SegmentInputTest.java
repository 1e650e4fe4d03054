package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.VideoSegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FFmpeg reads each segment's bytes from memory through one shared native callback: every open
 * input must read its own bytes, even with many open at once on several threads, and every input
 * must give its native memory back, whether it opened or was refused.
 */
class SegmentInputTest {
    @TempDir
    Path dir;

    @Test
    void inputsOpenAtOnceOnSeveralThreadsEachReadTheirOwnBytes() throws Exception {
        List<VideoSegment> segments = ClipFixtures.segments(dir, "own", ClipFixtures.THREE_SHOTS);
        assertThat(segments).hasSizeGreaterThan(1);
        List<Long> alone = new ArrayList<>();
        for (VideoSegment segment : segments) {
            alone.add(packetBytes(segment));
        }
        assertThat(alone).doesNotHaveDuplicates(); // else a mix-up could go unseen

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> together = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (VideoSegment segment : segments) {
                    together.add(pool.submit(() -> packetBytes(segment)));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).as("read %d", i).isEqualTo(alone.get(i % segments.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SegmentInput.openInputs()).isZero();
    }

    @Test
    void namesTheStreamsOfItsHeaderWithoutDecodingAFrame() throws Exception {
        VideoSegment segment = ClipFixtures.segments(dir, "streams", ClipFixtures.THREE_SHOTS).get(0);
        try (SegmentInput input = SegmentInput.open(segment, 200_000, 256 * 1024)) {
            assertThat(input.firstStream(AVMEDIA_TYPE_VIDEO)).isNotNull();
            // The clip has no sound, and its header says so: no stream of it, and no probe for one.
            assertThat(input.firstStream(AVMEDIA_TYPE_AUDIO)).isNull();
            assertThat(input.probed()).isFalse();
        }
    }

    @Test
    void refusesContainersOffTheAllowListBeforeFfmpegSeesAByte() {
        byte[] playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nfile:///etc/passwd\n".getBytes(StandardCharsets.US_ASCII);
        for (String container : new String[] {"hls", "concat", "file", "", "../mpegts"}) {
            VideoSegment segment = new VideoSegment("s", 0, 0, container, false, "x", playlist);
            assertThatThrownBy(() -> SegmentInput.open(segment, 200_000, 256 * 1024)).isInstanceOfSatisfying(
                    DecodeException.class, e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.UNSUPPORTED_CONTAINER));
        }
        assertThat(SegmentInput.openInputs()).isZero();
    }

    @Test
    void bytesThatAreNoContainerFailWithAReasonAndLeaveNothingOpen() {
        for (byte[] bytes : new byte[][] {new byte[0], new byte[] {0x47}, "not a video".getBytes(StandardCharsets.US_ASCII)}) {
            for (String container : new String[] {"mpegts", "mp4"}) {
                VideoSegment segment = new VideoSegment("s", 0, 0, container, false, "x", bytes);
                try (SegmentInput input = SegmentInput.open(segment, 200_000, 256 * 1024)) {
                    // Some demuxers accept anything at open; then there is nothing to find in it.
                    assertThat(input.firstStream(AVMEDIA_TYPE_VIDEO)).isNull();
                } catch (DecodeException e) {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.UNDECODABLE);
                }
            }
        }
        assertThat(SegmentInput.openInputs()).isZero();
    }

    /** A fingerprint of what the demuxer read: every packet's size and position in order. */
    private static long packetBytes(VideoSegment segment) throws DecodeException {
        long fingerprint = 17;
        try (SegmentInput input = SegmentInput.open(segment, 200_000, 256 * 1024)) {
            for (AVPacket packet; (packet = input.nextPacket()) != null; ) {
                fingerprint = fingerprint * 31 + packet.size();
                fingerprint = fingerprint * 31 + packet.pts();
            }
        }
        return fingerprint;
    }
}
