package io.streamlens.inference.voice;

import io.streamlens.records.Json;
import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Voice activity speed on the calling thread: the given audio goes through {@link VoiceActivity}
 * whole (fed in 2 s chunks as segments would be) at each trained chunk size, several rounds, the
 * median reported as one JSON line per chunk size:
 *
 * <pre>{"model":"voice/silero-vad-v4","chunkSamples":512,"audioSeconds":20.0,"msPerAudioSecond":9.1,
 *  "msPerCall":0.29,"audioSecondsPerWallSecond":110.0,"spans":2,"rounds":5}</pre>
 */
public final class VadBenchmark {
    private static final int FEED = 2 * PcmChunk.SAMPLE_RATE;

    /** One line of output. */
    public record Result(String model, int chunkSamples, double audioSeconds, double msPerAudioSecond, double msPerCall,
            double audioSecondsPerWallSecond, int spans, int rounds) {
    }

    private VadBenchmark() {
    }

    /** @return JSON lines, one per chunk size */
    public static List<String> run(SileroVad model, short[] pcm, int rounds) {
        if (rounds < 1 || pcm.length == 0) {
            throw new IllegalArgumentException("need audio and at least one round");
        }
        List<String> lines = new ArrayList<>();
        for (int chunkSamples : new int[] {512, 1024, 1536}) {
            VoiceActivity vad = new VoiceActivity(model, VadSettings.DEFAULTS.withChunkSamples(chunkSamples));
            hear(vad, pcm); // warm-up: the first calls allocate
            long[] nanos = new long[rounds];
            int spans = 0;
            for (int round = 0; round < rounds; round++) {
                long begin = System.nanoTime();
                spans = hear(vad, pcm);
                nanos[round] = System.nanoTime() - begin;
            }
            Arrays.sort(nanos);
            double wallMs = nanos[rounds / 2] / 1e6;
            double audio = pcm.length / (double) PcmChunk.SAMPLE_RATE;
            long calls = pcm.length / chunkSamples;
            lines.add(Json.write(new Result("voice/silero-vad-v4", chunkSamples, audio, wallMs / audio, wallMs / calls,
                    audio / (wallMs / 1000), spans, rounds)));
        }
        return lines;
    }

    private static int hear(VoiceActivity vad, short[] pcm) {
        VadState state = VadState.initial();
        int spans = 0;
        for (int from = 0; from < pcm.length; from += FEED) {
            VadStep step = vad.accept(state, new PcmChunk(PcmChunk.samplesToMicros(from),
                    Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + FEED))));
            state = step.state();
            spans += step.closed().size();
        }
        return spans + vad.finish(state).closed().size();
    }
}
