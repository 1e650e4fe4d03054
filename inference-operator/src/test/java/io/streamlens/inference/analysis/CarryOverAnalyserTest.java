package io.streamlens.inference.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CarryOverAnalyserTest {
    private static final int W = 64;
    private static final int H = 36;
    private static final OnScreenText GATE = new OnScreenText("GATE 7", 1, 2, 30, 10, 0.95f);

    /** A text reader that answers GATE 7, remembers which frames it was shown, and completes when told. */
    private static final class CountingReader implements FrameAnalyser.TextReader {
        final List<Long> shownUs = new ArrayList<>();
        final List<CompletableFuture<List<OnScreenText>>> pending = new ArrayList<>();
        boolean holdAnswers;

        @Override
        public CompletableFuture<List<OnScreenText>> read(String streamId, SampledFrame frame, io.streamlens.inference.RgbImage image) {
            shownUs.add(frame.ptsUs());
            CompletableFuture<List<OnScreenText>> answer = new CompletableFuture<>();
            if (holdAnswers) {
                pending.add(answer);
            } else {
                answer.complete(List.of(GATE));
            }
            return answer;
        }

        void answerAll() {
            pending.forEach(p -> p.complete(List.of(GATE)));
        }
    }

    private final CountingReader reader = new CountingReader();

    private CarryOverAnalyser analyser(CarryOverOptions options) {
        return new CarryOverAnalyser(new FrameAnalyser(reader, null, null, null), options);
    }

    /** A grey frame, with one 8×8 square {@code brighter} levels brighter (0: none). */
    private static SampledFrame frame(long ptsMs, int sceneId, int brighter) {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = 100 + (x < 8 && y < 8 ? brighter : 0);
                int at = (y * W + x) * 3;
                rgb[at] = (byte) v;
                rgb[at + 1] = (byte) v;
                rgb[at + 2] = (byte) v;
            }
        }
        return new SampledFrame("cam", 0, ptsMs * 1000, sceneId, 0.01, 0.002, W, H, rgb);
    }

    private static SampledSegment segment(long seq, boolean last, SampledFrame... frames) {
        return new SampledSegment("cam", seq, seq * 2_000_000, (seq + 1) * 2_000_000, last, "cam.mp4", List.of(frames));
    }

    private static AnalysedSegment done(CompletableFuture<AnalysedSegment> analysed) throws Exception {
        return analysed.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUnchangedPictureCarriesTheFindingsOfTheLastAnalysedFrameAndSaysFromWhen() throws Exception {
        AnalysedSegment analysed = done(analyser(CarryOverOptions.DEFAULT).analyse(
                segment(0, false, frame(0, 0, 0), frame(1000, 0, 0), frame(2000, 0, 0))));

        assertThat(reader.shownUs).containsExactly(0L);
        assertThat(analysed.frames()).extracting(FrameAnalysis::ptsUs).containsExactly(0L, 1_000_000L, 2_000_000L);
        assertThat(analysed.frames()).allSatisfy(f -> assertThat(f.text()).containsExactly(GATE));
        assertThat(analysed.frames()).extracting(FrameAnalysis::carriedFromUs)
                .containsExactly(FrameAnalysis.OWN_FINDINGS, 0L, 0L);
        assertThat(analysed.frames().get(1).motion()).isEqualTo(0.002);
    }

    @Test
    void aChangeInOneCellANewShotOrAnOldLookSendTheFrameToTheModelsAgain() throws Exception {
        CarryOverAnalyser analyser = analyser(new CarryOverOptions(true, 6, 5_000_000));

        AnalysedSegment analysed = done(analyser.analyse(segment(0, false,
                frame(0, 0, 0),
                frame(1000, 0, 3),     // compression noise: carried
                frame(2000, 0, 40),    // something appeared in the corner: looked at
                frame(3000, 1, 40),    // same pixels, but the sampler saw a cut: looked at
                frame(4000, 1, 40),    // carried
                frame(8000, 1, 40)))); // 5 s since the last look: looked at again

        assertThat(reader.shownUs).containsExactly(0L, 2_000_000L, 3_000_000L, 8_000_000L);
        assertThat(analysed.frames()).extracting(FrameAnalysis::carriedOver)
                .containsExactly(false, true, false, false, true, false);
    }

    @Test
    void aFrameOfTheNextSegmentWaitsForTheFindingsItCarriesWhileTheyAreStillInTheModels() throws Exception {
        reader.holdAnswers = true;
        CarryOverAnalyser analyser = analyser(CarryOverOptions.DEFAULT);

        CompletableFuture<AnalysedSegment> first = analyser.analyse(segment(0, false, frame(0, 0, 0)));
        CompletableFuture<AnalysedSegment> second = analyser.analyse(segment(1, false, frame(2000, 0, 0)));
        assertThat(second).isNotDone();
        reader.answerAll();

        assertThat(done(first).frames()).singleElement().satisfies(f -> assertThat(f.carriedOver()).isFalse());
        assertThat(done(second).frames()).singleElement().satisfies(f -> {
            assertThat(f.text()).containsExactly(GATE);
            assertThat(f.carriedFromUs()).isZero();
        });
        assertThat(reader.shownUs).containsExactly(0L);
    }

    @Test
    void aStreamsMemoryEndsWithItsLastSegment() throws Exception {
        CarryOverAnalyser analyser = analyser(CarryOverOptions.DEFAULT);

        done(analyser.analyse(segment(0, true, frame(0, 0, 0))));
        AnalysedSegment again = done(analyser.analyse(segment(0, false, frame(0, 0, 0))));

        assertThat(reader.shownUs).containsExactly(0L, 0L);
        assertThat(again.frames()).singleElement().satisfies(f -> assertThat(f.carriedOver()).isFalse());
    }

    @Test
    void turnedOffEveryFrameGoesToTheModels() throws Exception {
        AnalysedSegment analysed = done(analyser(CarryOverOptions.OFF).analyse(
                segment(0, false, frame(0, 0, 0), frame(1000, 0, 0))));

        assertThat(reader.shownUs).containsExactly(0L, 1_000_000L);
        assertThat(analysed.frames()).noneMatch(FrameAnalysis::carriedOver);
    }
}
