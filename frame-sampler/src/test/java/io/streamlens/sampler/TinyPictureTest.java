package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;

import io.streamlens.ingest.SampleClip;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.VideoSegment;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures a few pixels on a side once aborted the JVM inside swscale (heap corruption from output
 * lines without padding). The scaler must survive every size from 1 to 64 in each dimension, and
 * the decoder must refuse pictures too small to look at with a reason, never crash.
 */
class TinyPictureTest {
    @TempDir
    Path dir;

    @Test
    void theScalerSurvivesEverySizeFromOneToSixtyFourPixels() {
        try (FrameScaler thumbnails = new FrameScaler(SWS_POINT); FrameScaler resizer = new FrameScaler(SWS_AREA)) {
            for (int width = 1; width <= 64; width++) {
                for (int height = 1; height <= 64; height += width % 7 + 1) {
                    AVFrame frame = yuvFrame(width, height);
                    try {
                        byte[] thumb = thumbnails.toRgb(frame, SegmentDecoder.THUMB_WIDTH, SegmentDecoder.THUMB_HEIGHT);
                        byte[] same = resizer.toRgb(frame, width, height);
                        assertThat(thumb).hasSize(SegmentDecoder.THUMB_WIDTH * SegmentDecoder.THUMB_HEIGHT * 3);
                        assertThat(same).hasSize(width * height * 3);
                    } finally {
                        av_frame_free(frame);
                    }
                }
            }
        }
    }

    @Test
    void picturesBelowTheMinimumSideAreRefusedAsTooSmallAndLargerOnesDecode() throws Exception {
        Random random = new Random(7);
        List<int[]> sizes = new ArrayList<>(List.of(new int[] {2, 2}, new int[] {8, 8}, new int[] {12, 12},
                new int[] {8, 64}, new int[] {64, 8}, new int[] {14, 14}, new int[] {16, 16}, new int[] {64, 64}));
        for (int i = 0; i < 6; i++) {
            sizes.add(new int[] {2 * (1 + random.nextInt(32)), 2 * (1 + random.nextInt(32))});
        }
        int refused = 0;
        int decoded = 0;
        try (SegmentDecoder decoder = new SegmentDecoder(FrameSize.DEFAULT, 1)) {
            for (int[] size : sizes) {
                for (VideoSegment segment : clip(size[0], size[1])) {
                    boolean small = size[0] < FrameLimits.MIN_SIDE || size[1] < FrameLimits.MIN_SIDE;
                    if (small) {
                        assertThatThrownBy(() -> decoder.decode(segment, false, frame -> frame.pixels()))
                                .as("%dx%d", size[0], size[1]).isInstanceOf(DecodeException.class)
                                .satisfies(e -> assertThat(((DecodeException) e).reason())
                                        .isEqualTo(DeadLetterReason.TOO_SMALL));
                        refused++;
                    } else {
                        int frames = decoder.decode(segment, false, frame -> {
                            frame.histogram();
                            assertThat(frame.pixels().rgb()).isNotEmpty();
                        }).frames();
                        assertThat(frames).as("%dx%d", size[0], size[1]).isPositive();
                        decoded++;
                    }
                }
            }
        }
        assertThat(refused).isPositive();
        assertThat(decoded).isPositive();
    }

    private List<VideoSegment> clip(int width, int height) throws Exception {
        Path file = dir.resolve("tiny-" + width + "x" + height + ".mp4");
        List<SampleClip.Shot> shot = List.of(new SampleClip.Shot(new Color(90, 140, 200), "", 0.4));
        try {
            SampleClip.write(file, shot, width, height, 10, 10);
        } catch (FFmpegFrameRecorder.Exception openH264RefusesTheSize) {
            // OpenH264 will not encode sizes under 15 px; MPEG-2 does, and the decoder's limits are the same.
            SampleClip.write(file, shot, width, height, 10, 10, AV_CODEC_ID_MPEG2VIDEO);
        }
        List<VideoSegment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
            segmenter.forEach(s -> segments.add(ClipFixtures.toVideoSegment("tiny", s)));
        }
        return segments;
    }

    private static AVFrame yuvFrame(int width, int height) {
        AVFrame frame = av_frame_alloc();
        frame.width(width).height(height).format(AV_PIX_FMT_YUV420P);
        if (av_frame_get_buffer(frame, 0) < 0) {
            throw new IllegalStateException("no buffer for " + width + "x" + height);
        }
        for (int plane = 0; plane < 3; plane++) {
            int rows = plane == 0 ? height : (height + 1) / 2;
            frame.data(plane).capacity((long) frame.linesize(plane) * rows).fill(plane * 60 + 40);
        }
        return frame;
    }
}
