package io.streamlens.sampler.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.streamlens.ingest.FFmpegLogs;
import io.streamlens.ingest.Segmenter;
import io.streamlens.ingest.SegmenterOptions;
import io.streamlens.records.VideoSegment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Test clips whose every spoken word and its time are known: speech synthesised by espeak-ng, put
 * on a plain video track and cut into segments by the real {@link Segmenter}. Audio is kept at
 * espeak's 22.05 kHz, so decoding must resample to 16 kHz.
 */
public final class SpokenClips {
    public static final int FPS = 25;
    public static final int WIDTH = 160;
    public static final int HEIGHT = 96;

    /** Mono 16-bit audio at a sample rate. */
    public record Audio(int sampleRate, short[] samples) {
        public double seconds() {
            return samples.length / (double) sampleRate;
        }

        public Audio then(Audio next) {
            if (next.sampleRate != sampleRate) {
                throw new IllegalArgumentException("sample rates differ");
            }
            short[] joined = Arrays.copyOf(samples, samples.length + next.samples.length);
            System.arraycopy(next.samples, 0, joined, samples.length, next.samples.length);
            return new Audio(sampleRate, joined);
        }

        public static Audio silence(int sampleRate, double seconds) {
            return new Audio(sampleRate, new short[(int) Math.round(seconds * sampleRate)]);
        }

        public static Audio tone(int sampleRate, double seconds, double hz) {
            short[] samples = new short[(int) Math.round(seconds * sampleRate)];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (12_000 * Math.sin(2 * Math.PI * hz * i / sampleRate));
            }
            return new Audio(sampleRate, samples);
        }
    }

    static {
        FFmpegLogs.quiet();
    }

    private SpokenClips() {
    }

    /** The sentence spoken by espeak-ng (US English, 150 words a minute) at its native 22.05 kHz. */
    public static Audio speak(String sentence, Path dir) throws IOException, InterruptedException {
        Path wav = Files.createTempFile(dir, "espeak", ".wav");
        Process process;
        try {
            process = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "150", "-w", wav.toString(), sentence)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("speech tests need espeak-ng to synthesise their input: "
                    + "install it (apt-get install espeak-ng; CI installs it)", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("espeak-ng failed: " + new String(process.getInputStream().readAllBytes()));
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16) {
                throw new IllegalStateException("espeak-ng wrote " + format + ", expected mono 16-bit");
            }
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(samples);
            return new Audio((int) format.getSampleRate(), samples);
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    /**
     * Writes an MPEG-2 video + AAC audio clip as long as the audio (or {@code videoSeconds} when
     * audio is null): dark frames, turning bright at {@code brightFromSeconds} so tests can line
     * audio up with video. A keyframe every second.
     */
    public static Path write(Path file, Audio audio, double videoSeconds, double brightFromSeconds) throws Exception {
        double seconds = audio == null ? videoSeconds : audio.seconds();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, audio == null ? 0 : 1)) {
            recorder.setFormat(file.toString().endsWith(".ts") ? "mpegts" : "mp4");
            recorder.setVideoCodec(AV_CODEC_ID_MPEG2VIDEO);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS);
            recorder.setVideoBitrate(200_000);
            if (audio != null) {
                recorder.setAudioCodec(AV_CODEC_ID_AAC);
                recorder.setSampleRate(audio.sampleRate());
                recorder.setAudioChannels(1);
                recorder.setAudioBitrate(64_000);
            }
            recorder.start();
            Frame dark = grey(40);
            Frame bright = grey(220);
            int frames = (int) Math.ceil(seconds * FPS);
            int written = 0;
            for (int i = 0; i < frames; i++) {
                recorder.record(i >= brightFromSeconds * FPS ? bright : dark);
                if (audio != null) {
                    int until = (int) Math.min(audio.samples().length, (long) (i + 1) * audio.sampleRate() / FPS);
                    if (until > written) {
                        recorder.recordSamples(audio.sampleRate(), 1,
                                ShortBuffer.wrap(Arrays.copyOfRange(audio.samples(), written, until)));
                        written = until;
                    }
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** The clip cut into segments by the real segmenter, {@code segmentSeconds} apart (at keyframes). */
    public static List<VideoSegment> segments(Path file, String streamId, double segmentSeconds) throws Exception {
        List<VideoSegment> segments = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.open(file.toString(), new SegmenterOptions((long) (segmentSeconds * 1e6)))) {
            segmenter.forEach(s -> segments.add(new VideoSegment(streamId, s.seq(), s.startUs(), s.container(), s.last(),
                    file.getFileName().toString(), s.bytes())));
        }
        return segments;
    }

    private static Frame grey(int level) {
        Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int i = 0; i < pixels.capacity(); i++) {
            pixels.put(i, (byte) level);
        }
        return frame;
    }
}
