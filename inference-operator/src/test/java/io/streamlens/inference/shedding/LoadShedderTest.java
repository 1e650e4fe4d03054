package io.streamlens.inference.shedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.ShedWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LoadShedderTest {
    private static final SheddingOptions FOUR_SECONDS = new SheddingOptions(true, 4_000);
    private final AtomicLong now = new AtomicLong(1_796_000_000_000L); // 2026-12

    private static SampledFrame frame(String stream, long ptsMs) {
        return new SampledFrame(stream, 0, ptsMs * 1000, 0, 1, 0, 16, 16, new byte[16 * 16 * 3]);
    }

    private static SampledSegment segment(String stream, long... framesMs) {
        List<SampledFrame> frames = LongStream.of(framesMs).mapToObj(ms -> frame(stream, ms)).toList();
        long start = framesMs.length == 0 ? 0 : framesMs[0] * 1000;
        return new SampledSegment(stream, 0, start, start + 2_000_000, false, stream + ".ts", frames);
    }

    /**
     * A segment of {@code stream}, planned 3.5 s ago (the models busy most of the time), done with
     * the models now, {@code behindMs} after it arrived.
     */
    private void finish(LoadShedder shedder, String stream, long behindMs) {
        now.addAndGet(-3_500);
        shedder.plan(segment(stream, 0));
        now.addAndGet(3_500);
        shedder.finished(stream, now.get() - behindMs);
    }

    private LoadShedder shedder() {
        return new LoadShedder(FOUR_SECONDS, now::get);
    }

    @Test
    void aJobKeepingUpShedsNothing() {
        LoadShedder shedder = shedder();
        for (int i = 0; i < 100; i++) {
            finish(shedder, "cam", 3_900);
            now.addAndGet(500);
        }
        assertThat(shedder.level()).isZero();
        SampledSegment segment = segment("cam", 0, 1000);
        assertThat(segment.frames()).allSatisfy(f -> assertThat(shedder.plan(segment).apply(f)).isEqualTo(ShedWork.NONE));
    }

    @Test
    void eachLevelGivesUpMoreModelsWithSpeechColoursAndMotionNeverAmongThem() {
        assertThat(ShedLevel.of(1).skipped()).containsExactly("posture", "expressions");
        assertThat(ShedLevel.of(2).skipped()).containsExactly("posture", "expressions", "objects", "faces");
        assertThat(ShedLevel.of(ShedLevel.MAX).skipped()).contains("text").doesNotContain("speech");
        for (int level = 1; level <= ShedLevel.MAX; level++) {
            assertThat(ShedLevel.of(level).skipped()).containsAll(ShedLevel.of(level - 1).skipped());
            assertThat(ShedLevel.of(level).skipped().size() > ShedLevel.of(level - 1).skipped().size()
                    || ShedLevel.of(level).textEveryUs() > ShedLevel.of(level - 1).textEveryUs()
                    || ShedLevel.of(level - 1).textEveryUs() > 0 && ShedLevel.of(level).skipped().contains("text"))
                    .as("level %d gives up more than level %d", level, level - 1).isTrue();
        }
    }

    @Test
    void thinnedTextIsReadEveryFewSecondsOfEachStreamsOwnTime() {
        LoadShedder shedder = shedder();
        while (shedder.level() < 3) {
            finish(shedder, "a", 9_000);
            now.addAndGet(1_000);
        }
        List<Long> readA = new ArrayList<>();
        List<Long> readB = new ArrayList<>();
        for (long s = 0; s < 10; s++) { // two streams, 2 s segments, a frame every 500 ms
            for (String stream : List.of("a", "b")) {
                SampledSegment segment = segment(stream, s * 2000, s * 2000 + 500, s * 2000 + 1000, s * 2000 + 1500);
                Function<SampledFrame, ShedWork> plan = shedder.plan(segment);
                for (SampledFrame f : segment.frames()) {
                    ShedWork work = plan.apply(f);
                    assertThat(work.level()).isEqualTo(3);
                    assertThat(work.skipped()).contains("objects", "faces", "posture", "expressions");
                    if (!work.skips("text")) {
                        (stream.equals("a") ? readA : readB).add(f.ptsUs() / 1000);
                    }
                }
            }
        }
        List<Long> everyTwoSeconds = LongStream.range(0, 10).map(s -> s * 2000).boxed().toList();
        assertThat(readA).as("stream a").isEqualTo(everyTwoSeconds);
        assertThat(readB).as("stream b, the same share").isEqualTo(everyTwoSeconds);
    }

    @Test
    void modelsThatAreBusyAndBehindShedStepByStepAndRecoverWhenLoadFalls() {
        LoadShedder shedder = shedder();
        for (int i = 0; i < 20; i++) {
            finish(shedder, "cam", 6_000);
            now.addAndGet(1_000);
        }
        assertThat(shedder.level()).isEqualTo(ShedLevel.MAX);
        for (int i = 0; i < 30; i++) {
            finish(shedder, "cam", 200);
            now.addAndGet(1_000);
        }
        assertThat(shedder.level()).isZero();
    }

    @Test
    void framesOfASegmentDecodedKeyframesOnlySaySoEvenWithNoModelShed() {
        LoadShedder shedder = shedder();
        SampledSegment cut = new SampledSegment("cam", 0, 0, 2_000_000, false, "cam.ts", List.of(frame("cam", 0)),
                now.get(), true);
        assertThat(shedder.plan(cut).apply(cut.frames().get(0)))
                .isEqualTo(new ShedWork(0, 0, List.of(LoadShedder.BETWEEN_KEYFRAMES)));
    }

    @Test
    void switchedOffItNeverSheds() {
        LoadShedder shedder = new LoadShedder(SheddingOptions.OFF, now::get);
        for (int i = 0; i < 20; i++) {
            finish(shedder, "cam", 60_000);
            now.addAndGet(1_000);
        }
        assertThat(shedder.level()).isZero();
        SampledSegment segment = segment("cam", 0);
        assertThat(shedder.plan(segment).apply(segment.frames().get(0))).isEqualTo(ShedWork.NONE);
    }

    @Test
    void theTargetIsBoundedAndZeroSwitchesSheddingOff() {
        assertThat(SheddingOptions.targetSeconds(0)).isEqualTo(SheddingOptions.OFF);
        assertThat(SheddingOptions.targetSeconds(2.5)).isEqualTo(new SheddingOptions(true, 2_500));
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY, 3601}) {
            assertThatThrownBy(() -> SheddingOptions.targetSeconds(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
