package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RuntimeOptions;
import io.streamlens.sampler.audio.PcmChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceActivityTest {
    /** How far a span's start or end may sit from where the synthesised speech starts or ends. */
    static final long TOLERANCE_US = 200_000;
    static final String FIRST = "The weather today is sunny with a light breeze from the west";
    static final String SECOND = "Please remember to bring your umbrella tomorrow";

    @TempDir
    static Path dir;
    static SileroVad model;
    static VoiceActivity vad;
    static short[] first;
    static short[] second;

    @BeforeAll
    static void open() throws Exception {
        model = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1));
        vad = new VoiceActivity(model, VadSettings.DEFAULTS);
        first = VoiceClips.speech(FIRST, dir);
        second = VoiceClips.speech(SECOND, dir);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Everything one uninterrupted run over the chunks gives. */
    record Heard(List<VoicedSpan> spans, List<PcmChunk> voiced, VadState state) {
    }

    static Heard hear(List<PcmChunk> chunks) {
        return hearFrom(VadState.initial(), chunks, new ArrayList<>(), new ArrayList<>());
    }

    static Heard hearFrom(VadState state, List<PcmChunk> chunks, List<VoicedSpan> spans, List<PcmChunk> voiced) {
        for (PcmChunk chunk : chunks) {
            VadStep step = vad.accept(state, chunk);
            state = step.state();
            spans.addAll(step.closed());
            voiced.addAll(step.voicedAudio());
        }
        VadStep last = vad.finish(state);
        spans.addAll(last.closed());
        voiced.addAll(last.voicedAudio());
        return new Heard(spans, VoiceClips.joined(voiced), state);
    }

    static void assertMatchesTruth(List<VoicedSpan> spans, List<long[]> truth) {
        assertThat(spans).as("spans %s for truth %s", spans, truth.stream().map(t -> t[0] + ".." + t[1]).toList())
                .hasSameSizeAs(truth);
        for (int i = 0; i < truth.size(); i++) {
            assertThat(spans.get(i).startUs()).as("start of span %d", i).isCloseTo(truth.get(i)[0], org.assertj.core.data.Offset.offset(TOLERANCE_US));
            assertThat(spans.get(i).endUs()).as("end of span %d", i).isCloseTo(truth.get(i)[1], org.assertj.core.data.Offset.offset(TOLERANCE_US));
        }
    }

    @Test
    void shouldFindEachSentenceWithin200msOfWhereItIsSpoken() {
        short[] audio = VoiceClips.concat(VoiceClips.silence(1.5), first, VoiceClips.silence(1.5), second, VoiceClips.silence(1));
        long startUs = 3_000_000; // a stream's clock need not start at 0
        Heard heard = hear(VoiceClips.chunks(audio, startUs, 3_000));
        assertMatchesTruth(heard.spans(), VoiceClips.truth(audio, startUs));
    }

    @Test
    void shouldFindSpeechOverMusic() {
        short[] bed = VoiceClips.music(12, 7);
        short[] audio = VoiceClips.mix(VoiceClips.mix(bed, first, 2), second, 8);
        Heard heard = hear(VoiceClips.chunks(audio, 0, 4_000));
        List<long[]> truth = new ArrayList<>(VoiceClips.truth(first, 2_000_000));
        truth.addAll(VoiceClips.truth(second, 8_000_000));
        assertMatchesTruth(heard.spans(), truth);
    }

    @Test
    void shouldHearNoVoiceInMusic() {
        Heard heard = hear(VoiceClips.chunks(VoiceClips.music(20, 3), 0, 4_000));
        long voicedUs = heard.spans().stream().mapToLong(VoicedSpan::durationUs).sum();
        assertThat(voicedUs).as("voiced time in 20 s of music: %s", heard.spans()).isLessThan(500_000);
    }

    @Test
    void shouldHearNoVoiceInSilence() {
        Heard heard = hear(VoiceClips.chunks(VoiceClips.silence(10), 0, 4_000));
        assertThat(heard.spans()).isEmpty();
        assertThat(heard.voiced()).isEmpty();
        assertThat(heard.state().chunks()).isEqualTo(10 * 16_000 / 512);
    }

    @Test
    void shouldGiveTheSameSpansWhateverTheChunkSizes() {
        short[] audio = VoiceClips.concat(VoiceClips.silence(0.7), first, VoiceClips.silence(0.9));
        Heard whole = hear(List.of(new PcmChunk(0, audio)));
        Heard ragged = hear(VoiceClips.chunks(audio, 0, 777));
        assertThat(ragged.spans()).isEqualTo(whole.spans()).hasSize(1);
        assertThat(ragged.voiced()).isEqualTo(whole.voiced());
    }

    @Test
    void shouldContinueMidUtteranceFromASerializedState() throws Exception {
        short[] audio = VoiceClips.concat(VoiceClips.silence(1), first, VoiceClips.silence(0.5), second, VoiceClips.silence(1));
        List<PcmChunk> chunks = VoiceClips.chunks(audio, 500_000, 5_000);
        Heard uninterrupted = hear(chunks);

        // Stop where a span is open, as a checkpoint would, and go on from the state RocksDB would give back.
        VadState state = VadState.initial();
        List<VoicedSpan> spans = new ArrayList<>();
        List<PcmChunk> voiced = new ArrayList<>();
        int at = 0;
        while (!state.speaking() || at < 10) {
            VadStep step = vad.accept(state, chunks.get(at++));
            state = step.state();
            spans.addAll(step.closed());
            voiced.addAll(step.voicedAudio());
        }
        VadState restored = VadStateSerializationTest.roundTrip(state);
        assertThat(restored).isEqualTo(state);
        Heard resumed = hearFrom(restored, chunks.subList(at, chunks.size()), spans, voiced);

        assertThat(resumed.spans()).isEqualTo(uninterrupted.spans()).hasSize(2);
        assertThat(resumed.voiced()).isEqualTo(uninterrupted.voiced());
    }

    @Test
    void shouldBridgeAShortHoleButEndASpanAtALongOne() {
        short[] half = java.util.Arrays.copyOf(first, first.length / 2);
        short[] rest = java.util.Arrays.copyOfRange(first, first.length / 2, first.length);
        long restAtUs = PcmChunk.samplesToMicros(half.length) + 40_000; // a lost 40 ms audio frame
        Heard bridged = hear(List.of(new PcmChunk(0, half), new PcmChunk(restAtUs, rest)));
        assertThat(bridged.spans()).hasSize(1);

        long farUs = PcmChunk.samplesToMicros(half.length) + 5_000_000;
        Heard broken = hear(List.of(new PcmChunk(0, half), new PcmChunk(farUs, rest)));
        assertThat(broken.spans()).hasSize(2);
        assertThat(broken.spans().get(0).endUs()).isLessThanOrEqualTo(PcmChunk.samplesToMicros(half.length));
        assertThat(broken.spans().get(1).startUs()).isGreaterThanOrEqualTo(farUs);
    }

    @Test
    void shouldHandTheRecogniserOnlyPaddedSpansOnTheStreamsClock() {
        short[] audio = VoiceClips.concat(VoiceClips.silence(3), first, VoiceClips.silence(4), second, VoiceClips.silence(3));
        long startUs = 1_000_000;
        Heard heard = hear(VoiceClips.chunks(audio, startUs, 4_000));
        assertThat(heard.spans()).hasSize(2);
        assertThat(heard.voiced()).hasSize(2);
        long padUs = VadSettings.DEFAULTS.padUs();
        for (int i = 0; i < 2; i++) {
            PcmChunk piece = heard.voiced().get(i);
            VoicedSpan span = heard.spans().get(i);
            assertThat(piece.startUs()).isEqualTo(span.startUs() - padUs);
            assertThat(piece.endUs()).isCloseTo(span.endUs() + padUs, org.assertj.core.data.Offset.offset(100L));
            int offset = (int) PcmChunk.microsToSamples(piece.startUs() - startUs);
            assertThat(piece.samples()).isEqualTo(java.util.Arrays.copyOfRange(audio, offset, offset + piece.samples().length));
        }
        // The batch cut gives the same pieces from the whole recording and the spans.
        assertThat(VoiceClips.joined(VoicedAudio.cut(VoiceClips.chunks(audio, startUs, 4_000), heard.spans(), padUs)))
                .isEqualTo(heard.voiced());
    }
}
