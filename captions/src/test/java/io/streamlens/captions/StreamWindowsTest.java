package io.streamlens.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.AudioSpan;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.SegmentSpeech;
import io.streamlens.records.SpokenWord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamWindowsTest {
    static final StreamWindows WINDOWS = new StreamWindows(WindowSpec.DEFAULT); // 4 s every 3 s

    /** A stream without speech recognition: the job says so once, speech complete to the end of time. */
    static final StreamWindows.State NO_SPEECH = WINDOWS.hear(
            new SegmentSpeech("cam", 0, true, Long.MAX_VALUE, List.of(), "speech recognition off"),
            StreamWindows.State.initial()).next();

    static FrameAnalysis frame(long ms, int scene) {
        return new FrameAnalysis(ms * 1000, scene, 0, List.of(), 0, 0, 0, new float[0]);
    }

    /** Segments of 2 s with a frame each second; scene = second / 3. */
    static List<AnalysedSegment> segments(int seconds) {
        List<AnalysedSegment> out = new ArrayList<>();
        for (int s = 0; s < seconds; s += 2) {
            List<FrameAnalysis> frames = LongStream.range(s, Math.min(s + 2, seconds)).mapToObj(t -> frame(t * 1000, (int) t / 3)).toList();
            out.add(new AnalysedSegment("cam", s / 2, s * 1_000_000L, Math.min(s + 2, seconds) * 1_000_000L,
                    s + 2 >= seconds, "cam.mp4", frames, List.of()));
        }
        return out;
    }

    static List<StreamWindows.Window> run(List<AnalysedSegment> segments) {
        List<StreamWindows.Window> closed = new ArrayList<>();
        StreamWindows.State state = NO_SPEECH;
        for (AnalysedSegment segment : segments) {
            StreamWindows.Step step = WINDOWS.add(segment, state);
            closed.addAll(step.closed());
            state = step.next();
        }
        return closed;
    }

    @Test
    void windowsOverlapByTheOverlapAndTheLastSegmentClosesTheLastWindow() {
        List<StreamWindows.Window> closed = run(segments(10));
        assertThat(closed).extracting(w -> w.startUs() / 1000, w -> w.endUs() / 1000)
                .containsExactly(tuple(0L, 4000L), tuple(3000L, 7000L), tuple(6000L, 10000L), tuple(9000L, 10000L));
        assertThat(closed.get(1).frames()).extracting(f -> f.ptsUs() / 1000).containsExactly(3000L, 4000L, 5000L, 6000L);
    }

    @Test
    void aWindowClosesOnlyOnceTheStreamHasPassedItsEnd() {
        List<AnalysedSegment> segments = segments(10);
        StreamWindows.Step first = WINDOWS.add(segments.get(0), NO_SPEECH);
        assertThat(first.closed()).isEmpty();
        StreamWindows.Step second = WINDOWS.add(segments.get(1), first.next());
        assertThat(second.closed()).extracting(StreamWindows.Window::startUs).containsExactly(0L);
    }

    @Test
    void aWindowWaitsForTheSpeechOfItsSpanAndCarriesItsWords() {
        List<AnalysedSegment> segments = segments(10);
        StreamWindows.State state = WINDOWS.add(segments.get(0), StreamWindows.State.initial()).next();
        StreamWindows.Step pictures = WINDOWS.add(segments.get(1), state);
        assertThat(pictures.closed()).isEmpty(); // the pictures are past 4 s, the speech is not

        StreamWindows.Step heard = WINDOWS.hear(new SegmentSpeech("cam", 1, false, 4_000_000,
                List.of(new SpokenWord("hello", 1000, 1400, 0.9)), ""), pictures.next());

        assertThat(heard.closed()).singleElement().satisfies(w -> {
            assertThat(w.startUs()).isZero();
            assertThat(w.words()).extracting(SpokenWord::text).containsExactly("hello");
            assertThat(w.speechNote()).isEmpty();
        });
    }

    @Test
    void eachWindowSaysWhatItsAudioHeldSpeechOverMusicOverSilence() {
        List<AnalysedSegment> segments = segments(10);
        StreamWindows.State state = StreamWindows.State.initial();
        List<StreamWindows.Window> closed = new ArrayList<>();
        String[] kinds = {AudioSpan.MUSIC_OR_NOISE, AudioSpan.MUSIC_OR_NOISE, AudioSpan.SPEECH, AudioSpan.SILENCE, AudioSpan.SILENCE};
        for (int i = 0; i < segments.size(); i++) {
            AnalysedSegment segment = segments.get(i);
            StreamWindows.Step pictures = WINDOWS.add(segment, state);
            closed.addAll(pictures.closed());
            StreamWindows.Step heard = WINDOWS.hear(new SegmentSpeech("cam", i, segment.last(), segment.endUs(), List.of(), "",
                    List.of(new AudioSpan(segment.startUs(), segment.endUs(), kinds[i]))), pictures.next());
            closed.addAll(heard.closed());
            state = heard.next();
        }
        // windows 0-4 s (music), 3-7 s (music, then speech 4-6 s, then silence), 6-10 s and 9-10 s (silence)
        assertThat(closed).extracting(StreamWindows.Window::heard).containsExactly(AudioSpan.MUSIC_OR_NOISE, AudioSpan.SPEECH,
                AudioSpan.SILENCE, AudioSpan.SILENCE);
        assertThat(state.audio()).as("spans of closed windows are let go").isEmpty();
    }

    @Test
    void aStreamWithoutAnAudioTrackSaysSoAndOneWithSpeechOffSaysNothing() {
        StreamWindows.State mute = WINDOWS.hear(new SegmentSpeech("cam", 0, true, Long.MAX_VALUE, List.of(), AudioSpan.NO_AUDIO),
                StreamWindows.State.initial()).next();
        assertThat(WINDOWS.add(segments(4).get(1), WINDOWS.add(segments(4).get(0), mute).next()).closed())
                .extracting(StreamWindows.Window::heard).containsOnly(AudioSpan.NO_AUDIO);
        assertThat(run(segments(4))).extracting(StreamWindows.Window::heard).containsOnly("");
    }

    @Test
    void shotChangesAreFoundAcrossSegmentsAndPlacedInTheirWindows() {
        List<StreamWindows.Window> closed = run(segments(10));
        assertThat(closed.get(0).sceneChangesUs()).containsExactly(0L, 3_000_000L);
        assertThat(closed.get(1).sceneChangesUs()).containsExactly(3_000_000L, 6_000_000L);
        assertThat(closed.get(3).sceneChangesUs()).containsExactly(9_000_000L);
    }

    @Test
    void stateHoldsOnlyFramesOfWindowsStillOpen() {
        StreamWindows.State state = NO_SPEECH;
        for (AnalysedSegment segment : segments(600).subList(0, 299)) {
            state = WINDOWS.add(segment, state).next();
        }
        assertThat(state.frames()).hasSizeLessThanOrEqualTo(4);
        assertThat(state.sceneChangesUs()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void windowsWithoutFramesGetNoCaption() {
        AnalysedSegment sparse = new AnalysedSegment("cam", 0, 0, 12_000_000, true, "cam.mp4", List.of(frame(0, 0), frame(11_000, 1)), List.of());
        assertThat(WINDOWS.add(sparse, NO_SPEECH).closed())
                .extracting(StreamWindows.Window::startUs).containsExactly(0L, 9_000_000L);
    }

    @Test
    void aClockThatLeapsCenturiesAheadClosesOnlyTheWindowsThatHoldFrames() {
        long farMs = 3_000_000_000_000L; // ~95 years: 10^12 empty hops away
        AnalysedSegment start = new AnalysedSegment("cam", 0, 0, 2_000_000, false, "cam.mp4",
                List.of(frame(0, 0), frame(1000, 0)), List.of());
        AnalysedSegment leap = new AnalysedSegment("cam", 1, farMs * 1000, farMs * 1000 + 2_000_000, true, "cam.mp4",
                List.of(frame(farMs, 1), frame(farMs + 1000, 1)), List.of());
        List<StreamWindows.Window> closed = run(List.of(start, leap));
        assertThat(closed).extracting(w -> w.startUs() / 1000)
                .containsExactly(0L, farMs - 3000, farMs); // on the 3 s hop grid from 0, as without the leap
        assertThat(closed.get(1).frames()).extracting(f -> f.ptsUs() / 1000).containsExactly(farMs);
        assertThat(closed.get(2).frames()).extracting(f -> f.ptsUs() / 1000).containsExactly(farMs, farMs + 1000);
    }

    @Test
    void afterALeapTheStreamKeepsItsGridAndLaterSegmentsStillClose() {
        long farMs = 3_000_000_000_000L;
        AnalysedSegment leap = new AnalysedSegment("cam", 0, farMs * 1000, farMs * 1000 + 2_000_000, false, "cam.mp4",
                List.of(frame(farMs, 0)), List.of());
        AnalysedSegment next = new AnalysedSegment("cam", 1, farMs * 1000 + 2_000_000, farMs * 1000 + 8_000_000, false,
                "cam.mp4", List.of(frame(farMs + 2000, 0), frame(farMs + 6000, 0)), List.of());
        List<StreamWindows.Window> closed = run(List.of(leap, next));
        assertThat(closed).extracting(w -> w.startUs() / 1000).containsExactly(farMs - 3000, farMs, farMs + 3000);
        assertThat(closed).allSatisfy(w -> assertThat(w.startUs() % 3_000_000).isZero());
    }

    @Test
    void badWindowSettingsAreRefused() {
        assertThat(WindowSpec.parse("4s", "1s")).isEqualTo(WindowSpec.DEFAULT);
        assertThat(WindowSpec.parse("500ms", "0").hopUs()).isEqualTo(500_000);
        assertThatThrownBy(() -> WindowSpec.parse("4s", "4s")).hasMessageContaining("shorter than the window");
        assertThatThrownBy(() -> WindowSpec.parse("four", "1s")).hasMessageContaining("'four' is not a duration");
    }
}
