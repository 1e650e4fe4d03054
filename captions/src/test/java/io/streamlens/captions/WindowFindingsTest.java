package io.streamlens.captions;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.AudioSpan;
import io.streamlens.records.Caption;
import io.streamlens.records.FaceExpression;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.Looks;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.PersonPosture;
import io.streamlens.records.Region;
import io.streamlens.records.SpokenWord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowFindingsTest {
    @Test
    void aWindowSaysWhatMostOfItsFramesShow() {
        Looks night = new Looks(List.of("black"), 0.1);
        Looks snow = new Looks(List.of("white"), 0.9);
        assertThat(WindowFindings.looksSentence(List.of(night, night))).isEqualTo("Mostly black, dark.");
        // White in one frame of three is not what the window shows; the mean light is neither dark nor bright.
        assertThat(WindowFindings.looksSentence(List.of(night, night, snow))).isEqualTo("Mostly black.");
        assertThat(WindowFindings.looksSentence(List.of(snow))).isEqualTo("Mostly white, bright.");
        assertThat(WindowFindings.looksSentence(List.of(new Looks(List.of(), 0.5)))).isEmpty();
        assertThat(WindowFindings.looksSentence(List.of(Looks.UNKNOWN))).isEmpty();
    }

    static FrameAnalysis frame(long ms, PeopleInView people) {
        return new FrameAnalysis(ms * 1000, 0, 0, List.of(), 0, 0, 0, new float[0], Looks.UNKNOWN, people, 0);
    }

    static PersonPosture posture(String stance, boolean armsRaised) {
        return new PersonPosture(PERSON, stance, armsRaised, List.of());
    }

    static final Region PERSON = new Region(10, 10, 50, 120);
    static final Region FACE = new Region(20, 12, 30, 30);

    @Test
    void postureAndSmilesAreSaidOnlyWhenAModelWasConfidentWorstNewsFirst() {
        PeopleInView standing = PeopleInView.seen(List.of(), List.of(PERSON)).withPostures(List.of(posture("standing", false)));
        PeopleInView unsure = PeopleInView.seen(List.of(FACE), List.of(PERSON)).withPostures(List.of(posture("unknown", false)))
                .withExpressions(List.of(new FaceExpression(FACE, Map.of("happy", 0.6f, "neutral", 0.4f), false)));
        PeopleInView fallen = PeopleInView.seen(List.of(FACE), List.of(PERSON)).withPostures(List.of(posture("lying", true)))
                .withExpressions(List.of(new FaceExpression(FACE, Map.of("happy", 0.95f, "neutral", 0.05f), true)));

        Caption.People window = WindowFindings.people(List.of(frame(0, standing), frame(1000, unsure), frame(2000, fallen)));

        assertThat(window.stances()).containsExactly(Map.entry("arms raised", 2000L), Map.entry("lying", 2000L),
                Map.entry("standing", 0L));
        assertThat(window.smilingMs()).isEqualTo(2000);
        assertThat(WindowFindings.postureSentence(window))
                .isEqualTo("A person lying on the ground, a person with arms raised, a person standing, a smiling face.");

        Caption.People doubtful = WindowFindings.people(List.of(frame(1000, unsure)));
        assertThat(doubtful.stances()).isEmpty();
        assertThat(doubtful.smilingMs()).isEqualTo(-1);
        assertThat(doubtful.expressions()).as("the scores are kept even when nothing is said").hasSize(1);
        assertThat(WindowFindings.postureSentence(doubtful)).isEmpty();
    }

    @Test
    void aWindowWithoutWordsSaysWhatItsAudioHeld() {
        assertThat(WindowFindings.soundSentence(List.of(new SpokenWord("gate", 0, 300, 0.9)), AudioSpan.SPEECH))
                .isEqualTo("Speech: \"gate\".");
        assertThat(WindowFindings.soundSentence(List.of(), AudioSpan.MUSIC_OR_NOISE)).isEqualTo("Music or noise, no speech.");
        assertThat(WindowFindings.soundSentence(List.of(), AudioSpan.SILENCE)).isEqualTo("Silence.");
        assertThat(WindowFindings.soundSentence(List.of(), AudioSpan.SPEECH)).isEqualTo("Someone speaks; the words are unclear.");
        assertThat(WindowFindings.soundSentence(List.of(), AudioSpan.NO_AUDIO)).isEmpty();
        assertThat(WindowFindings.soundSentence(List.of(), "")).isEmpty();
    }
}
