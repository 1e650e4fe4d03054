package io.streamlens.sampler.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VORBIS;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.streamlens.records.VideoSegment;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources whose audio MPEG-TS cannot carry (FLAC, PCM, Vorbis) come out of the segmenter with an AAC
 * track, and their sound decodes where it plays: tone bursts at known times are found there.
 */
class TranscodedAudioTest {
    private static final long ONE_FRAME_US = 1_000_000L / SpokenClips.FPS;
    private static final double SECONDS = 6.0;
    /** Loud from 1.0 to 2.0 s and from 3.5 to 4.0 s, silent elsewhere. */
    private static final double[][] BURSTS = {{1.0, 2.0}, {3.5, 4.0}};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} at {2} Hz, {3} channel(s)")
    @CsvSource({"mkv, flac, 44100, 2", "mkv, pcm_s16le, 16000, 1", "avi, pcm_s16le, 48000, 2", "mkv, flac, 8000, 1", "mkv, vorbis, 44100, 2"})
    void shouldCarryAudioMpegTsCannotAsAacOnTheSameClock(String container, String codec, int rate, int channels) throws Exception {
        Path clip = write(dir.resolve("bursts." + container), switch (codec) {
            case "flac" -> AV_CODEC_ID_FLAC;
            case "vorbis" -> AV_CODEC_ID_VORBIS;
            default -> AV_CODEC_ID_PCM_S16LE;
        }, rate, channels);
        List<VideoSegment> segments = SpokenClips.segments(clip, "bursts", 1.0);
        assertThat(segments).hasSizeGreaterThan(3);

        AudioDecoder decoder = new AudioDecoder();
        List<PcmChunk> chunks = new ArrayList<>();
        for (VideoSegment segment : segments) {
            SegmentAudio audio = decoder.decode(segment);
            assertThat(audio).as("segment %d", segment.seq()).isInstanceOf(SegmentAudio.Pcm.class);
            assertThat(((SegmentAudio.Pcm) audio).codec()).isEqualTo("aac");
            chunks.addAll(((SegmentAudio.Pcm) audio).chunks());
        }
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).startUs()).as("%s after %s", chunks.get(i), chunks.get(i - 1))
                    .isCloseTo(chunks.get(i - 1).endUs(), within(ONE_FRAME_US));
        }
        List<long[]> loud = loudRuns(chunks);
        assertThat(loud).as("loud runs %s", loud.stream().map(r -> r[0] + ".." + r[1]).toList()).hasSize(BURSTS.length);
        for (int i = 0; i < BURSTS.length; i++) {
            assertThat(loud.get(i)[0]).as("burst %d start", i).isCloseTo((long) (BURSTS[i][0] * 1e6), within(ONE_FRAME_US));
            assertThat(loud.get(i)[1]).as("burst %d end", i).isCloseTo((long) (BURSTS[i][1] * 1e6), within(ONE_FRAME_US));
        }
        long total = chunks.stream().mapToLong(c -> c.samples().length).sum();
        assertThat(total).isCloseTo((long) (SECONDS * PcmChunk.SAMPLE_RATE), within((long) PcmChunk.SAMPLE_RATE / 10));
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3", "4", "5"})
    void shouldSurviveDamagedFlacAndPcmPackets(long seed) throws Exception {
        for (int codec : new int[] {AV_CODEC_ID_FLAC, AV_CODEC_ID_PCM_S16LE}) {
            Path clip = write(dir.resolve("damaged-" + seed + "-" + codec + ".mkv"), codec, 44_100, 2);
            byte[] bytes = java.nio.file.Files.readAllBytes(clip);
            java.util.Random random = new java.util.Random(seed);
            for (int i = 0; i < 200; i++) { // past the header, so the file still opens
                bytes[4_000 + random.nextInt(bytes.length - 4_000)] = (byte) random.nextInt(256);
            }
            java.nio.file.Files.write(clip, bytes);
            List<VideoSegment> segments;
            try {
                segments = SpokenClips.segments(clip, "damaged", 1.0);
            } catch (io.streamlens.ingest.IngestException e) {
                continue; // refused with a reason is an acceptable outcome; a crash is not
            }
            AudioDecoder decoder = new AudioDecoder();
            for (VideoSegment segment : segments) {
                try {
                    decoder.decode(segment);
                } catch (io.streamlens.sampler.DecodeException e) {
                    // a damaged segment is reported, not fatal
                }
            }
        }
    }

    /** MPEG-2 video (which MPEG-TS carries, so the segmenter remuxes it) with the given audio codec. */
    private static Path write(Path file, int audioCodec, int rate, int channels) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), SpokenClips.WIDTH, SpokenClips.HEIGHT, channels)) {
            recorder.setFormat(file.toString().endsWith(".avi") ? "avi" : "matroska");
            recorder.setVideoCodec(AV_CODEC_ID_MPEG2VIDEO);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(SpokenClips.FPS);
            recorder.setGopSize(SpokenClips.FPS);
            recorder.setVideoBitrate(200_000);
            recorder.setAudioCodec(audioCodec);
            recorder.setSampleRate(rate);
            recorder.setAudioChannels(channels);
            recorder.setAudioOption("strict", "experimental"); // FFmpeg's own Vorbis encoder is marked experimental
            recorder.start();
            Frame grey = new Frame(SpokenClips.WIDTH, SpokenClips.HEIGHT, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) grey.image[0];
            for (int i = 0; i < pixels.capacity(); i++) {
                pixels.put(i, (byte) 100);
            }
            int frames = (int) Math.round(SECONDS * SpokenClips.FPS);
            long written = 0;
            for (int f = 0; f < frames; f++) {
                recorder.record(grey);
                long until = (long) (f + 1) * rate / SpokenClips.FPS;
                short[] interleaved = new short[(int) (until - written) * channels];
                for (long s = written; s < until; s++) {
                    double t = s / (double) rate;
                    short v = isLoud(t) ? (short) (10_000 * Math.sin(2 * Math.PI * 440 * t)) : 0;
                    for (int c = 0; c < channels; c++) {
                        interleaved[(int) (s - written) * channels + c] = v;
                    }
                }
                recorder.recordSamples(rate, channels, ShortBuffer.wrap(interleaved));
                written = until;
            }
            recorder.stop();
        }
        return file;
    }

    private static boolean isLoud(double t) {
        for (double[] burst : BURSTS) {
            if (t >= burst[0] && t < burst[1]) {
                return true;
            }
        }
        return false;
    }

    /** Runs of 10 ms frames louder than -30 dBFS, joined across gaps under 100 ms, {start, end} µs. */
    private static List<long[]> loudRuns(List<PcmChunk> chunks) {
        List<long[]> runs = new ArrayList<>();
        int frame = PcmChunk.SAMPLE_RATE / 100;
        for (PcmChunk chunk : chunks) {
            for (int at = 0; at + frame <= chunk.samples().length; at += frame) {
                double sum = 0;
                for (int i = at; i < at + frame; i++) {
                    double v = chunk.samples()[i] / 32768.0;
                    sum += v * v;
                }
                if (10 * Math.log10(sum / frame + 1e-12) > -30) {
                    long from = chunk.startUs() + PcmChunk.samplesToMicros(at);
                    long to = from + 10_000;
                    if (!runs.isEmpty() && from - runs.get(runs.size() - 1)[1] < 100_000) {
                        runs.get(runs.size() - 1)[1] = to;
                    } else {
                        runs.add(new long[] {from, to});
                    }
                }
            }
        }
        return runs;
    }
}
