package io.streamlens.sampler.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.ingest.SampleMedia;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.ingest.SourceSummary;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.FrameSize;
import io.streamlens.sampler.SegmentDecoder;
import io.streamlens.sampler.audio.SpokenClips.Audio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioDecoderTest {
    private static final int SOURCE_RATE = 22_050;
    /** A video frame lasts 40 ms; audio must land within one frame of the picture it belongs to. */
    private static final long ONE_FRAME_US = 1_000_000L / SpokenClips.FPS;

    @TempDir
    Path dir;

    private final AudioDecoder decoder = new AudioDecoder();

    @Test
    void toneStartsOnTheSameTimelineAsThePictureThatStartsWithIt() throws Exception {
        // 3 s of silence, then a tone as the picture turns bright: the onset sits in the second segment.
        Audio audio = Audio.silence(SOURCE_RATE, 3.0).then(Audio.tone(SOURCE_RATE, 1.0, 440)).then(Audio.silence(SOURCE_RATE, 1.0));
        Path clip = SpokenClips.write(dir.resolve("tone.mp4"), audio, 0, 3.0);
        List<VideoSegment> segments = SpokenClips.segments(clip, "tone", 2.0);
        assertThat(segments).hasSizeGreaterThan(1);

        long brightUs = firstBrightFrameUs(segments);
        List<PcmChunk> chunks = new ArrayList<>();
        for (VideoSegment segment : segments) {
            chunks.addAll(((SegmentAudio.Pcm) decoder.decode(segment)).chunks());
        }
        long toneUs = firstLoudSampleUs(chunks);

        assertThat(brightUs).isCloseTo(3_000_000L, within(ONE_FRAME_US));
        assertThat(toneUs).isCloseTo(brightUs, within(ONE_FRAME_US));
    }

    @Test
    void audioIsResampledTo16kHzAndSegmentsFollowEachOtherWithoutGaps() throws Exception {
        Audio audio = Audio.tone(SOURCE_RATE, 5.0, 300);
        Path clip = SpokenClips.write(dir.resolve("hum.mp4"), audio, 0, 99);
        List<VideoSegment> segments = SpokenClips.segments(clip, "hum", 2.0);

        long samples = 0;
        PcmChunk previous = null;
        for (VideoSegment segment : segments) {
            SegmentAudio.Pcm pcm = (SegmentAudio.Pcm) decoder.decode(segment);
            assertThat(pcm.codec()).isEqualTo("aac");
            for (PcmChunk chunk : pcm.chunks()) {
                if (previous != null) {
                    assertThat(chunk.startUs()).as("%s after %s", chunk, previous).isCloseTo(previous.endUs(), within(ONE_FRAME_US));
                }
                previous = chunk;
                samples += chunk.samples().length;
            }
        }
        // 5 s at 16 kHz; AAC's encoder delay and frame rounding add or lose a frame (1024 source samples) at most.
        assertThat(samples).isCloseTo(5 * PcmChunk.SAMPLE_RATE, within(2L * 1024 * PcmChunk.SAMPLE_RATE / SOURCE_RATE));
    }

    @Test
    void aClipWithoutSoundHasNoAudioTrack() throws Exception {
        Path clip = SpokenClips.write(dir.resolve("mute.mp4"), null, 2.0, 99);
        VideoSegment segment = SpokenClips.segments(clip, "mute", 2.0).get(0);

        assertThat(decoder.decode(segment)).isEqualTo(new SegmentAudio.Missing("no audio track"));
    }

    @Test
    void cockatooMp3TrackDecodesForAsLongAsTheVideoLasts() throws Exception {
        assertRealTrackCoversTheVideo(SampleMedia.COCKATOO, "mp3");
    }

    @Test
    void phoneAacTrackDecodesForAsLongAsTheVideoLasts() throws Exception {
        assertRealTrackCoversTheVideo(SampleMedia.PHONE_1080P, "aac");
    }

    private void assertRealTrackCoversTheVideo(String media, String codec) throws Exception {
        Path file = SampleMedia.file(media);
        List<VideoSegment> segments = new ArrayList<>();
        SourceSummary summary;
        try (Segmenter segmenter = Segmenter.open(file.toString(), SegmenterOptions.DEFAULTS)) {
            summary = segmenter.forEach(s -> segments.add(new VideoSegment("real", s.seq(), s.startUs(), s.container(),
                    s.last(), media, s.bytes())));
        }
        long firstUs = Long.MAX_VALUE;
        long lastUs = Long.MIN_VALUE;
        long totalUs = 0;
        for (VideoSegment segment : segments) {
            SegmentAudio.Pcm pcm = (SegmentAudio.Pcm) decoder.decode(segment);
            assertThat(pcm.codec()).isEqualTo(codec);
            for (PcmChunk chunk : pcm.chunks()) {
                firstUs = Math.min(firstUs, chunk.startUs());
                lastUs = Math.max(lastUs, chunk.endUs());
                totalUs += chunk.durationUs();
            }
        }
        // The phone MP4 stores its first second of audio ahead of the first video packet; the
        // Segmenter carries it into the first segment, so the sound starts with the picture. The
        // cockatoo's MP3 starts 69 ms before its picture (encoder delay), which stays visible in TS.
        assertThat(firstUs).isBetween(-150_000L, 100_000L);
        assertThat(lastUs).isCloseTo(summary.videoUs(), within(250_000L));
        assertThat(totalUs).isCloseTo(lastUs - firstUs, within(segments.size() * ONE_FRAME_US));
    }

    private static long firstBrightFrameUs(List<VideoSegment> segments) throws Exception {
        long[] first = {Long.MAX_VALUE};
        try (SegmentDecoder video = new SegmentDecoder(new FrameSize(32), 1)) {
            for (VideoSegment segment : segments) {
                video.decode(segment, false, frame -> {
                    byte[] rgb = frame.pixels().rgb();
                    if ((rgb[rgb.length / 2] & 0xff) > 128) {
                        first[0] = Math.min(first[0], frame.ptsUs());
                    }
                });
            }
        }
        return first[0];
    }

    private static long firstLoudSampleUs(List<PcmChunk> chunks) {
        for (PcmChunk chunk : chunks) {
            short[] s = chunk.samples();
            for (int i = 0; i < s.length; i++) {
                if (Math.abs(s[i]) > 3000) {
                    return chunk.startUs() + PcmChunk.samplesToMicros(i);
                }
            }
        }
        throw new AssertionError("no tone found");
    }
}
