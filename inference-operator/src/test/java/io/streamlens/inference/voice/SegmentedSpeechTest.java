package io.streamlens.inference.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RuntimeOptions;
import io.streamlens.records.VideoSegment;
import io.streamlens.sampler.audio.AudioDecoder;
import io.streamlens.sampler.audio.PcmChunk;
import io.streamlens.sampler.audio.SegmentAudio;
import io.streamlens.sampler.audio.SpokenClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the real segmenter and audio decoder: segment boundaries fall inside words. */
class SegmentedSpeechTest {

    @Test
    void shouldKeepOneSpanAcrossSegmentBoundariesInsideWords(@TempDir Path dir) throws Exception {
        SpokenClips.Audio sentence = SpokenClips.speak("Seven large boxes were delivered to the house across the road yesterday", dir);
        SpokenClips.Audio audio = SpokenClips.Audio.silence(sentence.sampleRate(), 1).then(sentence)
                .then(SpokenClips.Audio.silence(sentence.sampleRate(), 1));
        Path clip = SpokenClips.write(dir.resolve("spoken.mp4"), audio, 0, 0);
        List<VideoSegment> segments = SpokenClips.segments(clip, "spoken", 1.0);

        List<VoicedSpan> spans = new ArrayList<>();
        AudioDecoder decoder = new AudioDecoder();
        try (SileroVad model = SileroVad.open(RuntimeOptions.defaults().withIntraOpThreads(1))) {
            VoiceActivity vad = new VoiceActivity(model, VadSettings.DEFAULTS);
            VadState state = VadState.initial();
            for (VideoSegment segment : segments) {
                for (PcmChunk chunk : ((SegmentAudio.Pcm) decoder.decode(segment)).chunks()) {
                    VadStep step = vad.accept(state, chunk);
                    state = step.state();
                    spans.addAll(step.closed());
                }
            }
            spans.addAll(vad.finish(state).closed());
        }
        // espeak's own lead-in and tail silence are inside the sentence clip; the truth is its level.
        long[] truth = truthOf(sentence, 1_000_000);
        assertThat(spans).as("one span for one sentence spoken across %d segments", segments.size()).hasSize(1);
        assertThat(spans.get(0).startUs()).isCloseTo(truth[0], org.assertj.core.data.Offset.offset(VoiceActivityTest.TOLERANCE_US));
        assertThat(spans.get(0).endUs()).isCloseTo(truth[1], org.assertj.core.data.Offset.offset(VoiceActivityTest.TOLERANCE_US));
        assertThat(segments).as("segments starting inside the span").filteredOn(
                s -> s.startUs() > spans.get(0).startUs() + 100_000 && s.startUs() < spans.get(0).endUs() - 100_000).hasSizeGreaterThanOrEqualTo(2);
    }

    private static long[] truthOf(SpokenClips.Audio sentence, long atUs) {
        short[] s = sentence.samples();
        int rate = sentence.sampleRate();
        int frame = rate / 100;
        long first = -1;
        long last = -1;
        for (int f = 0; (f + 1) * frame <= s.length; f++) {
            double sum = 0;
            for (int i = 0; i < frame; i++) {
                double v = s[f * frame + i] / 32768.0;
                sum += v * v;
            }
            if (10 * Math.log10(sum / frame + 1e-12) > -45) {
                if (first < 0) {
                    first = f;
                }
                last = f + 1;
            }
        }
        return new long[] {atUs + first * 10_000, atUs + last * 10_000};
    }
}
