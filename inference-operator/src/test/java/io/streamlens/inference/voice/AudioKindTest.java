package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RuntimeOptions;
import io.streamlens.sampler.audio.PcmChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioKindTest {
    static final long WINDOW_US = 4_000_000;

    @Test
    void shouldTellSpeechMusicAndSilenceApartInCaptionWindows(@TempDir Path dir) throws Exception {
        short[] speech = VoiceClips.speech("Please remember to bring your umbrella tomorrow", dir);
        // 0-4 s speech over silence, 4-8 s music, 8-12 s silence, 12-16 s speech over music
        short[] audio = VoiceClips.concat(VoiceClips.mix(VoiceClips.silence(4), speech, 0.5), VoiceClips.music(4, 1),
                VoiceClips.silence(4), VoiceClips.mix(VoiceClips.music(4, 2), speech, 0.5));
        List<PcmChunk> chunks = VoiceClips.chunks(audio, 0, 8_000);
        List<VoicedSpan> spans = new ArrayList<>();
        try (SileroVad model = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1))) {
            VoiceActivity vad = new VoiceActivity(model, VadSettings.DEFAULTS);
            VadState state = VadState.initial();
            for (PcmChunk chunk : chunks) {
                VadStep step = vad.accept(state, chunk);
                state = step.state();
                spans.addAll(step.closed());
            }
            spans.addAll(vad.finish(state).closed());
        }
        List<AudioKind> kinds = new ArrayList<>();
        for (long from = 0; from < 16_000_000; from += WINDOW_US) {
            kinds.add(AudioKind.of(from, from + WINDOW_US, spans, Loudness.rmsDbfs(chunks, from, from + WINDOW_US)));
        }
        assertThat(kinds).containsExactly(AudioKind.SPEECH, AudioKind.MUSIC_OR_NOISE, AudioKind.SILENCE, AudioKind.SPEECH);
    }

    @Test
    void shouldMeasureLevelInDbfs() {
        short[] fullSquare = new short[16_000];
        for (int i = 0; i < fullSquare.length; i++) {
            fullSquare[i] = (short) (i % 2 == 0 ? 32767 : -32768);
        }
        List<PcmChunk> audio = List.of(new PcmChunk(1_000_000, fullSquare));
        assertThat(Loudness.rmsDbfs(audio, 1_000_000, 2_000_000)).isCloseTo(0, org.assertj.core.data.Offset.offset(0.01));
        // Half the window is a hole: counted as silence, 3 dB down.
        assertThat(Loudness.rmsDbfs(audio, 1_500_000, 2_500_000)).isCloseTo(-3.01, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Loudness.rmsDbfs(audio, 5_000_000, 6_000_000)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
