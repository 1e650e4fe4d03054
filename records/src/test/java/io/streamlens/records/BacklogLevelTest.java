package io.streamlens.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BacklogLevelTest {
    private static final double BUSY = 1.0;
    private final AtomicLong now = new AtomicLong(1_796_000_000_000L); // 2026-12

    private BacklogLevel backlog(int maxLevel) {
        return new BacklogLevel(4_000, maxLevel, now::get);
    }

    /** A segment of {@code stream} that arrived {@code behindMs} ago has got this far. */
    private int observe(BacklogLevel backlog, String stream, long behindMs, double busy) {
        return backlog.observe(stream, now.get() - behindMs, busy);
    }

    @Test
    void behindTheTargetTheLevelRisesAStepASecondAndBelowHalfOfItFallsAStepEveryFourSeconds() {
        BacklogLevel backlog = backlog(5);
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 10 s, a segment every 250 ms, 6 s behind
            levels.add(observe(backlog, "cam", 6_000, BUSY));
            now.addAndGet(250);
        }
        assertThat(levels.get(0)).isEqualTo(1);
        assertThat(levels.get(3)).as("not a second step within the second").isEqualTo(1);
        assertThat(levels.get(4)).isEqualTo(2);
        assertThat(levels.get(39)).isEqualTo(5);
        assertThat(backlog.behindMs()).isEqualTo(6_000);

        for (int i = 0; i < 12; i++) { // between half the target and the target: hold
            observe(backlog, "cam", 3_000, BUSY);
            now.addAndGet(1_000);
        }
        assertThat(backlog.level()).isEqualTo(5);

        levels.clear();
        for (int i = 0; i < 30; i++) { // caught up: one step down every 4 s
            levels.add(observe(backlog, "cam", 500, BUSY));
            now.addAndGet(1_000);
        }
        assertThat(levels.get(0)).isEqualTo(4);
        assertThat(levels.get(3)).isEqualTo(4);
        assertThat(levels.get(4)).isEqualTo(3);
        assertThat(levels.get(29)).as("full quality again once load falls").isZero();
    }

    @Test
    void anOperatorThatIsBehindOnlyBecauseAnotherHoldsTheJobBackDoesNotShed() {
        BacklogLevel backlog = backlog(1);
        for (int i = 0; i < 20; i++) {
            observe(backlog, "cam", 30_000, BacklogLevel.BUSY - 0.2);
            now.addAndGet(1_000);
        }
        assertThat(backlog.level()).isZero();
        assertThat(observe(backlog, "cam", 30_000, BacklogLevel.BUSY)).isEqualTo(1);
    }

    @Test
    void oneStreamForgingOldArrivalTimesCannotMakeTheOperatorShedForTheOthers() {
        BacklogLevel backlog = backlog(5);
        for (int i = 0; i < 60; i++) {
            backlog.observe("forger", 0, BUSY); // the epoch: decades behind, counted as a day
            observe(backlog, "a", 300, BUSY);
            observe(backlog, "b", 400, BUSY);
            now.addAndGet(500);
        }
        assertThat(backlog.level()).isZero();
        assertThat(backlog.behindMs()).isEqualTo(400);
    }

    @Test
    void aLoneStreamBehindIsShedForAndArrivalsInTheFutureOrUnknownDoNotCount() {
        BacklogLevel alone = backlog(5);
        alone.observe("forger", 0, BUSY);
        assertThat(alone.level()).isEqualTo(1);
        assertThat(alone.behindMs()).isEqualTo(BacklogLevel.MAX_BEHIND_MS);

        BacklogLevel backlog = backlog(5);
        for (int i = 0; i < 20; i++) {
            backlog.observe("cam", now.get() + 60_000, BUSY);
            backlog.observe("cam2", SampledSegment.ARRIVAL_UNKNOWN, BUSY);
            now.addAndGet(1_000);
        }
        assertThat(backlog.level()).isZero();
        assertThat(backlog.behindMs()).isZero();
    }

    @Test
    void extremeForgedTimestampsCountAsADayBehindOrNoneAndNeverOverflow() {
        BacklogLevel lone = backlog(5);
        lone.observe("forger", Long.MIN_VALUE, BUSY);
        assertThat(lone.behindMs()).isEqualTo(BacklogLevel.MAX_BEHIND_MS);
        BacklogLevel future = backlog(5);
        future.observe("forger", Long.MAX_VALUE, BUSY);
        assertThat(future.behindMs()).isZero();
        assertThat(future.level()).isZero();
    }

    @Test
    void withoutATargetItNeverSheds() {
        BacklogLevel backlog = new BacklogLevel(0, 3, now::get);
        for (int i = 0; i < 20; i++) {
            observe(backlog, "cam", 60_000, BUSY);
            now.addAndGet(1_000);
        }
        assertThat(backlog.level()).isZero();
    }

    @Test
    void endlessStreamIdsDoNotGrowItsMemory() {
        BacklogLevel backlog = backlog(5);
        for (int i = 0; i < 3 * BacklogLevel.MAX_STREAMS; i++) {
            observe(backlog, "s" + i, 100, BUSY);
        }
        assertThat(backlog.level()).isZero();
        assertThat(backlog.trackedStreams()).isEqualTo(BacklogLevel.MAX_STREAMS);
    }

    @Test
    void theBusyShareIsTheTimeWithWorkInHandOverTheLastSpan() {
        BusyShare busy = new BusyShare(now::get);
        assertThat(busy.share()).isZero();
        busy.begin();
        now.addAndGet(1_000);
        busy.begin(); // two segments in hand at once count once
        now.addAndGet(1_000);
        busy.end();
        now.addAndGet(500);
        busy.end();
        now.addAndGet(2_500);
        assertThat(busy.share()).isEqualTo(2_500.0 / BusyShare.SPAN_MS);
        busy.begin();
        now.addAndGet(BusyShare.SPAN_MS * 3);
        assertThat(busy.share()).as("in hand the whole span").isEqualTo(1.0);
        busy.end();
        busy.end(); // more ends than begins are ignored
        now.addAndGet(BusyShare.SPAN_MS);
        assertThat(busy.share()).isZero();
    }
}
