package io.streamlens.captions;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.AudioSpan;
import io.streamlens.records.Caption;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.ShedWork;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShedFindingsTest {
    private static FrameAnalysis frame(long ms) {
        return new FrameAnalysis(ms * 1000, 0, 0, List.of(), 0, 0, 0, new float[0]);
    }

    @Test
    void untranscribedSpeechIsAmongWhatWasLeftOutAndTheCaptionSaysSomeoneSpokeNotWhat() {
        Caption.Shed speechOnly = ShedFindings.of(List.of(frame(0), frame(1000)), AudioSpan.NOT_TRANSCRIBED);
        assertThat(speechOnly).isEqualTo(new Caption.Shed(0, 0, 0, List.of("speech"),
                "the job ran behind its streams, so speech was not transcribed"));

        Caption.Shed both = ShedFindings.of(List.of(frame(0).withShed(new ShedWork(2, 6_000, List.of("objects")))),
                AudioSpan.NOT_TRANSCRIBED);
        assertThat(both.skipped()).containsExactly("objects", "speech");
        assertThat(both.why()).isEqualTo("the job ran 6.0 s behind its streams, so objects was left out of 1 of 1 frames, "
                + "and speech was not transcribed");

        assertThat(ShedFindings.of(List.of(frame(0)), "no speech heard")).isNull();
        assertThat(ShedFindings.of(List.of(frame(0)), AudioSpan.NOT_LISTENED).why())
                .isEqualTo("the job ran behind its streams, so the audio was not listened to");
        assertThat(WindowFindings.soundSentence(List.of(), AudioSpan.SPEECH, AudioSpan.NOT_TRANSCRIBED))
                .isEqualTo("Someone speaks; not transcribed while the job caught up.");
        assertThat(WindowFindings.soundSentence(List.of(), AudioSpan.SPEECH, "")).isEqualTo("Someone speaks; the words are unclear.");
    }

    @Test
    void framesDecodedKeyframesOnlyAreReported() {
        Caption.Shed cut = ShedFindings.of(List.of(frame(0).withShed(new ShedWork(0, 0, List.of("frames between keyframes")))), "");
        assertThat(cut.skipped()).containsExactly("frames between keyframes");
        assertThat(cut.frames()).isEqualTo(1);
    }
}
