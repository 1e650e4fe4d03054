package io.streamlens.deploy.bench;

import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.speech.SpeechModel;
import io.streamlens.inference.speech.StreamTranscriber;
import io.streamlens.inference.speech.VoicedTranscriber;
import io.streamlens.inference.voice.SileroVad;
import io.streamlens.inference.voice.SyntheticMusic;
import io.streamlens.inference.voice.VadSettings;
import io.streamlens.inference.voice.VadState;
import io.streamlens.inference.voice.VoiceActivity;
import io.streamlens.sampler.audio.PcmChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench inference}, part 2: speech recognition speed, and what voice activity in front of the recogniser saves. The
 * same audio (speech, music, silence) is transcribed in 2 s segments as the job hears them, once by
 * the recogniser alone and once through Silero VAD with the recogniser on the voiced spans only,
 * one thread, median of the rounds:
 *
 * <pre>{"model":"speech/vad+vosk","input":"music 60.0 s","audioSeconds":60.0,"wallSeconds":0.9,
 *  "recognisedSeconds":0.0,"recogniserSecondsPerAudioSecond":0.015,"words":0,"rounds":3}</pre>
 *
 * <p>{@code recogniserSecondsPerAudioSecond} is wall time (VAD included) over audio time: the
 * share of a core that listening to one stream costs.
 */
public final class SpeechBenchmark {
    private static final int SEGMENT = 2 * PcmChunk.SAMPLE_RATE;

    /** One line of output. */
    public record Result(String model, String input, double audioSeconds, double wallSeconds, double recognisedSeconds,
                         double recogniserSecondsPerAudioSecond, int words, int rounds) {
    }

    private SpeechBenchmark() {
    }

    /** The inputs: the spoken paragraph, a minute of synthesised music, a minute of digital silence. */
    public static Map<String, short[]> inputs(short[] speech) {
        Map<String, short[]> inputs = new LinkedHashMap<>();
        inputs.put("speech", speech);
        inputs.put("music", SyntheticMusic.of(60, 1));
        inputs.put("silence", new short[60 * PcmChunk.SAMPLE_RATE]);
        return inputs;
    }

    /** Both ways on each input, recogniser alone first. */
    public static List<Result> run(SpeechModel model, Map<String, short[]> inputs, int rounds) throws Exception {
        List<Result> results = new ArrayList<>();
        try (SileroVad vad = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1))) {
            for (Map.Entry<String, short[]> input : inputs.entrySet()) {
                results.add(measure("speech/vosk", input.getKey(), input.getValue(), rounds, pcm -> plain(model, pcm)));
                results.add(measure("speech/vad+vosk", input.getKey(), input.getValue(), rounds, pcm -> voiced(model, vad, pcm)));
            }
        }
        return results;
    }

    /** How one way of listening went: words, and seconds of audio the recogniser heard. */
    private record Heard(int words, double recognisedSeconds) {
    }

    private interface Listening {
        Heard listen(short[] pcm);
    }

    private static Result measure(String model, String name, short[] pcm, int rounds, Listening listening) throws Exception {
        List<Double> ms = new ArrayList<>();
        Heard[] heard = new Heard[1];
        for (int round = 0; round < rounds; round++) {
            ms.add(Timing.millis(() -> heard[0] = listening.listen(pcm)));
        }
        double wall = Timing.median(ms) / 1000;
        double audio = pcm.length / (double) PcmChunk.SAMPLE_RATE;
        return new Result(model, String.format("%s %.1f s", name, audio), audio, wall, heard[0].recognisedSeconds(), wall / audio,
                heard[0].words(), rounds);
    }

    private static Heard plain(SpeechModel model, short[] pcm) {
        int words = 0;
        try (StreamTranscriber transcriber = new StreamTranscriber(model)) {
            for (PcmChunk segment : segments(pcm)) {
                words += transcriber.accept(segment.startUs(), segment.samples()).size();
            }
            words += transcriber.flush().size();
        }
        return new Heard(words, pcm.length / (double) PcmChunk.SAMPLE_RATE);
    }

    private static Heard voiced(SpeechModel model, SileroVad vad, short[] pcm) {
        int words = 0;
        long recognisedUs = 0;
        try (StreamTranscriber transcriber = new StreamTranscriber(model)) {
            VoicedTranscriber ears = new VoicedTranscriber(new VoiceActivity(vad, VadSettings.RECOGNITION), transcriber);
            VadState state = VadState.initial();
            for (PcmChunk segment : segments(pcm)) {
                VoicedTranscriber.Heard heard = ears.hear(state, List.of(segment));
                state = heard.state();
                words += heard.words().size();
                recognisedUs += heard.recognisedUs();
            }
            words += ears.finish(state).size();
        }
        return new Heard(words, recognisedUs / 1e6);
    }

    private static List<PcmChunk> segments(short[] pcm) {
        List<PcmChunk> out = new ArrayList<>();
        for (int from = 0; from < pcm.length; from += SEGMENT) {
            out.add(new PcmChunk(PcmChunk.samplesToMicros(from), Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + SEGMENT))));
        }
        return out;
    }
}
