package io.streamlens.captions;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Caption;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.Json;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.ShedWork;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerceptionCaptionTest {
    static FrameAnalysis frame(long ms, int scene, String... lines) {
        List<OnScreenText> text = java.util.Arrays.stream(lines).map(l -> new OnScreenText(l, 0, 0, 10, 10, 0.95f)).toList();
        return new FrameAnalysis(ms * 1000, scene, 0, text, 0, 0, 0, new float[0]);
    }

    @Test
    void textIsQuotedOnceInTheOrderItAppeared() {
        StreamWindows.Window w = new StreamWindows.Window(0, 4_000_000,
                List.of(frame(0, 0, "PLATFORM 12", "Next train"), frame(1000, 0, "platform 12", "NEXT  TRAIN", "Exit")), List.of());
        PerceptionCaption.Draft draft = PerceptionCaption.compose(w);
        assertThat(draft.text()).isEqualTo("Text: \"PLATFORM 12\", \"Next train\", \"Exit\".");
        assertThat(draft.evidence().text()).containsExactly("PLATFORM 12", "Next train", "Exit");
        assertThat(draft.evidence().frames()).isEqualTo(2);
    }

    @Test
    void theEvidenceNamesTheFramesWhoseFindingsWereCarriedOverAndTheirTextCountsAsSeen() {
        FrameAnalysis looked = frame(0, 0, "GATE 7");
        FrameAnalysis carried = looked.carriedTo(2_000_000, 0, 0.01, 0.001);
        PerceptionCaption.Draft draft = PerceptionCaption.compose(
                new StreamWindows.Window(0, 4_000_000, List.of(looked, carried), List.of()));

        assertThat(draft.evidence().carriedOverMs()).containsExactly(2000L);
        assertThat(draft.evidence().text()).containsExactly("GATE 7");
        assertThat(PerceptionCaption.compose(new StreamWindows.Window(0, 4_000_000, List.of(looked), List.of()))
                .evidence().carriedOverMs()).isEmpty();
    }

    @Test
    void theEvidenceSaysWhatLoadSheddingLeftOutAndUnreadTextIsNotCalledAbsent() {
        ShedWork detectors = new ShedWork(2, 5_400, List.of("posture", "objects", "faces"));
        ShedWork everything = new ShedWork(5, 7_250, List.of("objects", "faces", "text"));
        PerceptionCaption.Draft partly = PerceptionCaption.compose(new StreamWindows.Window(0, 4_000_000,
                List.of(frame(0, 0).withShed(detectors), frame(1000, 0), frame(2000, 0).withShed(everything)), List.of()));
        assertThat(partly.evidence().shed()).isEqualTo(new Caption.Shed(5, 7_250, 2, List.of("posture", "objects", "faces", "text"),
                "the job ran 7.3 s behind its streams, so posture, objects, faces and text were left out of 2 of 3 frames"));
        assertThat(partly.text()).as("one frame was read").endsWith("No text on screen.");

        PerceptionCaption.Draft unread = PerceptionCaption.compose(new StreamWindows.Window(0, 4_000_000,
                List.of(frame(0, 0).withShed(everything), frame(1000, 0).withShed(everything)), List.of()));
        assertThat(unread.text()).doesNotContain("text");
        assertThat(unread.evidence().shed().why()).endsWith("left out of 2 of 2 frames");

        PerceptionCaption.Draft whole = PerceptionCaption.compose(new StreamWindows.Window(0, 4_000_000, List.of(frame(0, 0)), List.of()));
        assertThat(whole.evidence().shed()).isNull();
        assertThat(Json.write(whole.evidence())).doesNotContain("shed");
        assertThat(Json.write(partly.evidence())).contains("\"shed\":{\"level\":5");
    }

    @Test
    void aShotChangeIsStatedWithItsTimeUnlessTheWindowBeginsWithIt() {
        assertThat(PerceptionCaption.compose(new StreamWindows.Window(3_000_000, 7_000_000,
                List.of(frame(3000, 1), frame(6000, 2, "GATE 7")), List.of(6_000_000L))).text())
                .isEqualTo("New shot at 0:06. Text: \"GATE 7\".");
        assertThat(PerceptionCaption.compose(new StreamWindows.Window(0, 4_000_000,
                List.of(frame(0, 0)), List.of(0L))).text())
                .isEqualTo("New shot. No text on screen.");
    }

    @Test
    void aWindowThatBeginsAShotAndHoldsTwoMoreSaysSo() {
        assertThat(PerceptionCaption.compose(new StreamWindows.Window(0, 4_000_000,
                List.of(frame(0, 0), frame(1000, 1), frame(3000, 2)), List.of(0L, 1_000_000L, 3_000_000L))).text())
                .isEqualTo("New shot. New shots at 0:01, 0:03. No text on screen.");
    }

    @Test
    void unsureOrSingleCharacterReadingsAreLeftOut() {
        FrameAnalysis f = new FrameAnalysis(0, 0, 0, List.of(new OnScreenText("GATE", 0, 0, 1, 1, 0.3f),
                new OnScreenText("|", 0, 0, 1, 1, 0.99f)), 0, 0, 0, new float[0]);
        assertThat(PerceptionCaption.compose(new StreamWindows.Window(0, 1, List.of(f), List.of())).text())
                .isEqualTo("No text on screen.");
    }
}
