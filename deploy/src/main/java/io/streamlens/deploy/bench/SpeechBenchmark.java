package io.streamlens.deploy.bench;

import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.inference.speech.StreamTranscriber;
import io.streamlens.inference.speech.Word;
import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench inference}, part 2: speech recognition speed on one thread. The given
 * audio is transcribed whole (through {@link StreamTranscriber}, fed in 2 s chunks as segments
 * would be) several times, and the median round is reported as one JSON line:
 *
 * <pre>{"model":"speech/vosk-model-en","input":"pcm 16 kHz 12.0 s","audioSeconds":12.0,"wallSeconds":1.4,
 *  "realTimeFactor":0.12,"audioSecondsPerWallSecond":8.5,"words":31,"rounds":3}</pre>
 *
 * <p>{@code realTimeFactor} is wall time over audio time: below 1 keeps up with a live stream,
 * and its inverse is how many live streams one core can transcribe.
 */
public final class SpeechBenchmark {
    private static final int CHUNK = 2 * StreamTranscriber.SAMPLE_RATE;

    /** One line of output. */
    public record Result(String model, String input, double audioSeconds, double wallSeconds, double realTimeFactor,
            double audioSecondsPerWallSecond, int words, int rounds) {
    }

    private SpeechBenchmark() {
    }

    /**
     * @param pcm 16 kHz mono audio, ideally with speech (silence is decoded faster)
     * @param rounds how many times to transcribe it; the median is reported
     */
    public static Result run(SpeechModel model, short[] pcm, int rounds) throws Exception {
        if (rounds < 1 || pcm.length == 0) {
            throw new IllegalArgumentException("need audio and at least one round");
        }
        List<Double> ms = new ArrayList<>();
        int[] words = {0};
        for (int round = 0; round < rounds; round++) {
            ms.add(Timing.millis(() -> words[0] = transcribe(model, pcm)));
        }
        double wall = Timing.median(ms) / 1000;
        double audio = pcm.length / (double) StreamTranscriber.SAMPLE_RATE;
        return new Result("speech/vosk-model-en", String.format("pcm 16 kHz %.1f s", audio),
                audio, wall, wall / audio, audio / wall, words[0], rounds);
    }

    private static int transcribe(SpeechModel model, short[] pcm) {
        List<Word> words = new ArrayList<>();
        try (StreamTranscriber transcriber = new StreamTranscriber(model)) {
            for (int from = 0; from < pcm.length; from += CHUNK) {
                int to = Math.min(pcm.length, from + CHUNK);
                words.addAll(transcriber.accept(PcmChunk.samplesToMicros(from),
                        Arrays.copyOfRange(pcm, from, to)));
            }
            words.addAll(transcriber.flush());
        }
        return words.size();
    }
}
