package io.streamlens.deploy.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Speech for the recogniser benchmark: a paragraph read by espeak-ng, as 16 kHz mono PCM. */
public final class SpokenSample {
    public static final String PARAGRAPH = "The truck arrived at gate seven just after nine thirty. Two people unloaded "
            + "forty boxes while the driver checked the papers. Platform twelve stays closed until the evening train "
            + "has left, so passengers should use the bridge to reach platforms three and four.";
    private static final int RATE = 16_000;

    private SpokenSample() {
    }

    /** Empty when espeak-ng is not installed. */
    public static Optional<short[]> speak(String text) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("streamlens-speech", ".wav");
        try {
            Process process;
            try {
                process = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "150", "-w", wav.toString(), text)
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                return Optional.empty();
            }
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return Optional.empty();
            }
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                AudioFormat format = in.getFormat();
                byte[] bytes = in.readAllBytes();
                short[] samples = new short[bytes.length / 2];
                ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().get(samples);
                return Optional.of(resample(samples, (int) format.getSampleRate()));
            } catch (UnsupportedAudioFileException e) {
                throw new IOException(e);
            }
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** Linear interpolation: enough for timing a recogniser, which is all this is for. */
    static short[] resample(short[] in, int rate) {
        if (rate == RATE) {
            return in;
        }
        short[] out = new short[(int) ((long) in.length * RATE / rate)];
        for (int i = 0; i < out.length; i++) {
            double at = i * (double) rate / RATE;
            int j = (int) at;
            double f = at - j;
            int next = Math.min(j + 1, in.length - 1);
            out[i] = (short) Math.round(in[j] * (1 - f) + in[next] * f);
        }
        return out;
    }
}
