package io.streamlens.captions.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.CaptionDraft;
import io.streamlens.captions.PerceptionCaptioner;
import io.streamlens.captions.StreamWindows;
import io.streamlens.captions.WindowCaptioner;
import io.streamlens.captions.WindowOptions;
import io.streamlens.captions.WindowSpec;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.Caption;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.SegmentSpeech;
import io.streamlens.records.SpokenWord;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CaptionWindowTest {
    static final Duration IDLE = Duration.ofMinutes(5);

    static AnalysedSegment segment(long seq, boolean last, String text) {
        long start = seq * 2_000_000;
        List<FrameAnalysis> frames = List.of(
                new FrameAnalysis(start, (int) seq / 2, 0, List.of(new OnScreenText(text, 0, 0, 10, 10, 0.9f)), 0, 0, 0, null),
                new FrameAnalysis(start + 1_000_000, (int) seq / 2, 0, List.of(), 0, 0, 0, null));
        return new AnalysedSegment("cam", seq, start, start + 2_000_000, last, "cam.mp4", frames, List.of());
    }

    /** A stream whose speech is not listened to: its speech input says so once, for the whole stream. */
    static KeyedTwoInputStreamOperatorTestHarness<String, AnalysedSegment, SegmentSpeech, CaptionedWindow> harness() throws Exception {
        return withoutSpeech(harness(PerceptionCaptioner::new));
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, AnalysedSegment, SegmentSpeech, CaptionedWindow> harness(
            WindowCaptioner.Factory captioners) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new CaptionWindow(new WindowOptions(WindowSpec.DEFAULT, IDLE), captioners), AnalysedSegment::streamId,
                SegmentSpeech::streamId, Types.STRING);
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, AnalysedSegment, SegmentSpeech, CaptionedWindow> withoutSpeech(
            KeyedTwoInputStreamOperatorTestHarness<String, AnalysedSegment, SegmentSpeech, CaptionedWindow> h) throws Exception {
        h.processElement2(new SegmentSpeech("cam", 0, true, Long.MAX_VALUE, List.of(), "speech recognition off"), 0);
        return h;
    }

    static List<Caption> captions(KeyedTwoInputStreamOperatorTestHarness<String, AnalysedSegment, SegmentSpeech, CaptionedWindow> h) {
        return h.extractOutputValues().stream().map(CaptionedWindow::caption).toList();
    }

    @Test
    void shouldCaptionEachWindowOnceTheStreamPassesItAndClearStateAtTheEnd() throws Exception {
        try (var h = harness()) {
            h.processElement1(segment(0, false, "PLATFORM 12"), 0);
            h.processElement1(segment(1, false, "PLATFORM 12"), 0);
            assertThat(captions(h)).extracting(Caption::captionId).containsExactly("cam/0");
            h.processElement1(segment(2, true, "GATE 7"), 0);

            List<Caption> captions = captions(h);
            assertThat(captions).extracting(Caption::startMs, Caption::endMs)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 4000L), org.assertj.core.groups.Tuple.tuple(3000L, 6000L));
            assertThat(captions.get(0).text()).isEqualTo("New shot. Text: \"PLATFORM 12\".");
            assertThat(captions.get(1).text()).isEqualTo("New shot at 0:04. Text: \"GATE 7\".");
            assertThat(captions).allSatisfy(c -> assertThat(c.model()).isEqualTo("perception"));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void shouldCaptionOpenWindowsAndFreeStateWhenAStreamGoesQuiet() throws Exception {
        try (var h = harness()) {
            h.setProcessingTime(0);
            h.processElement1(segment(0, false, "HELLO"), 0);
            assertThat(captions(h)).isEmpty();
            assertThat(h.numKeyedStateEntries()).isPositive();

            h.setProcessingTime(IDLE.toMillis() + 1);

            assertThat(captions(h)).extracting(Caption::text).containsExactly("New shot. Text: \"HELLO\".");
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void shouldWaitForEachWindowsSpeechAndPutTheWordsSpokenInItIntoTheCaption() throws Exception {
        try (var h = harness(PerceptionCaptioner::new)) {
            h.processElement1(segment(0, false, "PLATFORM 12"), 0);
            h.processElement1(segment(1, false, "PLATFORM 12"), 0);
            assertThat(captions(h)).as("the pictures are in, the speech is not").isEmpty();

            // "gate" starts at 3.9 s and is finished only with segment 2: window 0-4 s waits for it
            h.processElement2(new SegmentSpeech("cam", 0, false, 2_000_000,
                    List.of(new SpokenWord("the", 1_000, 1_200, 1), new SpokenWord("truck", 1_300, 1_700, 1)), ""), 0);
            h.processElement2(new SegmentSpeech("cam", 1, false, 3_900_000, List.of(), ""), 0);
            assertThat(captions(h)).isEmpty();
            h.processElement2(new SegmentSpeech("cam", 2, true, Long.MAX_VALUE,
                    List.of(new SpokenWord("gate", 3_900, 4_300, 1), new SpokenWord("seven", 4_400, 4_800, 1)), ""), 0);
            assertThat(captions(h)).extracting(Caption::captionId).containsExactly("cam/0");
            h.processElement1(segment(2, true, "GATE 7"), 0);

            List<Caption> captions = captions(h);
            assertThat(captions.get(0).text()).endsWith("Speech: \"the truck gate\".");
            assertThat(captions.get(0).evidence().speech().words()).extracting(SpokenWord::text).containsExactly("the", "truck", "gate");
            assertThat(captions.get(1).evidence().speech().words()).extracting(SpokenWord::text).containsExactly("gate", "seven");
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void shouldSayWhyAWindowHasNoSpeech() throws Exception {
        try (var h = harness(PerceptionCaptioner::new)) {
            h.processElement2(new SegmentSpeech("cam", 0, false, Long.MAX_VALUE, List.of(), "no audio track"), 0);
            h.processElement1(segment(0, false, "PLATFORM 12"), 0);
            h.processElement2(new SegmentSpeech("cam", 1, true, Long.MAX_VALUE, List.of(), "no audio track"), 0);
            h.processElement1(segment(1, true, "PLATFORM 12"), 0);

            Caption caption = captions(h).get(0);
            assertThat(caption.evidence().speech().words()).isEmpty();
            assertThat(caption.evidence().speech().note()).isEqualTo("no audio track");
            assertThat(caption.text()).doesNotContain("Speech");
        }
    }

    /** A model pack whose every caption fails, as a vlm pack does on frames the vision encoder never saw. */
    static final class FailingCaptioner implements WindowCaptioner {
        @Override
        public CaptionDraft caption(StreamWindows.Window window) {
            throw new IllegalStateException("the window's frames carry no visual tokens for the vlm pack");
        }

        @Override
        public String model() {
            return "tiny-color";
        }
    }

    @Test
    void shouldGiveAWindowItsPerceptionCaptionAndADeadLetterWhenTheModelFailsOnIt() throws Exception {
        try (var h = withoutSpeech(harness(FailingCaptioner::new))) {
            h.processElement1(segment(0, false, "PLATFORM 12"), 0);
            h.processElement1(segment(1, true, "PLATFORM 12"), 0);

            List<Caption> captions = captions(h);
            assertThat(captions).extracting(Caption::captionId).containsExactly("cam/0", "cam/3000");
            assertThat(captions.get(0).text()).isEqualTo("New shot. Text: \"PLATFORM 12\".");
            assertThat(captions.get(0).model()).isEqualTo("perception");
            assertThat(captions.get(0).evidence().modelFailure())
                    .isEqualTo("tiny-color could not caption this window: the window's frames carry no visual tokens for the vlm pack");
            List<DeadLetter> letters = h.getSideOutput(CaptionWindow.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
            assertThat(letters).extracting(DeadLetter::reason).containsExactly("model-failure", "model-failure");
            assertThat(letters).extracting(DeadLetter::streamId).containsOnly("cam");
            assertThat(letters.get(0).detail()).startsWith("window cam/0 (0:00–0:04): tiny-color could not caption");
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }
}
