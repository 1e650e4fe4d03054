package io.streamlens.captions;

import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.AudioSpan;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.SegmentSpeech;
import io.streamlens.records.SpokenWord;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream's open caption windows: frames go in as segments arrive, windows come out once the
 * stream's own time has passed their end, or when the stream ends. Plain Java; the Flink operator
 * keeps a {@link State} per stream in RocksDB. Each stream advances on its own clock (its PTS), so
 * a slow or stalled stream never holds back the others, as one global watermark would.
 *
 * <p>The words of a stream arrive on their own ({@link #hear}) and a window closes only once both
 * its frames and its speech are complete: at the smaller of the two progresses. A stream without
 * speech recognition says so once, with speech complete to the end of time.
 */
public final class StreamWindows {
    private final WindowSpec spec;

    public StreamWindows(WindowSpec spec) {
        this.spec = spec;
    }

    /**
     * What a stream keeps between segments: the frames and words that may still fall into an open
     * window, where the next window starts, the last shot seen (to tell where new shots begin),
     * and how far its pictures and its speech are complete.
     */
    public record State(long nextStartUs, int lastSceneId, List<FrameAnalysis> frames, List<Long> sceneChangesUs,
                        List<SpokenWord> words, String speechNote, long videoUs, boolean videoEnded, long speechUs,
                        boolean speechEnded, List<AudioSpan> audio) {
        public State {
            audio = audio == null ? List.of() : audio;
        }

        public static State initial() {
            return new State(0, -1, List.of(), List.of(), List.of(), "", 0, false, 0, false, List.of());
        }
    }

    /**
     * A closed window: its span, frames, the shot changes and words inside it, why it has no words,
     * and what its audio held ({@link AudioSpan} kinds, {@link AudioSpan#NO_AUDIO}, or empty when
     * not listened to).
     */
    public record Window(long startUs, long endUs, List<FrameAnalysis> frames, List<Long> sceneChangesUs,
                         List<SpokenWord> words, String speechNote, String heard) {
        public Window(long startUs, long endUs, List<FrameAnalysis> frames, List<Long> sceneChangesUs) {
            this(startUs, endUs, frames, sceneChangesUs, List.of(), "speech recognition off", "");
        }
    }

    /** The windows closed by this segment, and the stream's state afterwards. */
    public record Step(List<Window> closed, State next) {
    }

    public Step add(AnalysedSegment segment, State state) {
        List<FrameAnalysis> frames = new ArrayList<>(state.frames());
        List<Long> changes = new ArrayList<>(state.sceneChangesUs());
        int lastScene = state.lastSceneId();
        for (FrameAnalysis frame : segment.frames()) {
            if (frame.ptsUs() < state.nextStartUs()) {
                continue; // belongs only to windows already closed (a late or replayed frame)
            }
            if (frame.sceneId() != lastScene) {
                changes.add(frame.ptsUs());
                lastScene = frame.sceneId();
            }
            frames.add(frame);
        }
        return close(new State(state.nextStartUs(), lastScene, frames, changes, state.words(), state.speechNote(),
                Math.max(state.videoUs(), segment.endUs()), state.videoEnded() || segment.last(), state.speechUs(),
                state.speechEnded(), state.audio()));
    }

    /** Words heard in a segment's audio; windows close once the pictures have got as far. */
    public Step hear(SegmentSpeech speech, State state) {
        List<SpokenWord> words = new ArrayList<>(state.words());
        for (SpokenWord word : speech.words()) {
            if (word.startMs() * 1000 >= state.nextStartUs()) {
                words.add(word);
            }
        }
        List<AudioSpan> audio = new ArrayList<>(state.audio());
        speech.audio().stream().filter(a -> a.endUs() > state.nextStartUs()).forEach(audio::add);
        String note = speech.note().isEmpty() ? "no speech heard" : speech.note();
        return close(new State(state.nextStartUs(), state.lastSceneId(), state.frames(), state.sceneChangesUs(), words,
                note, state.videoUs(), state.videoEnded(), speech.heardUntilUs(),
                state.speechEnded() || speech.last(), audio));
    }

    /** The stream went quiet: every open window closes with what it has. */
    public Step end(State state) {
        return close(new State(state.nextStartUs(), state.lastSceneId(), state.frames(), state.sceneChangesUs(),
                state.words(), state.speechNote(), state.videoUs(), true, state.speechUs(), true, state.audio()));
    }

    /** Whether the stream has ended: its last segment's pictures and speech are in. */
    public boolean ended(State state) {
        return state.videoEnded() && state.speechEnded();
    }

    private Step close(State state) {
        boolean ended = ended(state);
        long progress = ended ? state.videoUs() : Math.min(state.videoUs(), state.speechUs());
        List<FrameAnalysis> frames = new ArrayList<>(state.frames());
        List<Long> changes = new ArrayList<>(state.sceneChangesUs());
        List<SpokenWord> words = new ArrayList<>(state.words());
        List<AudioSpan> audio = new ArrayList<>(state.audio());
        List<Window> closed = new ArrayList<>();
        long next = state.nextStartUs();
        while (next + spec.windowUs() <= progress || (ended && next < state.videoUs())) {
            long skipTo = firstWindowWithContent(next, frames, words, progress, ended ? state.videoUs() : -1);
            if (skipTo > next) {
                // Empty windows say nothing; stepping through them one hop at a time would let a
                // forged or paused clock (a start hours ahead) cost a loop per hop.
                next = skipTo;
                long keepFrom = next;
                forgetBefore(keepFrom, frames, changes, words, audio);
                continue;
            }
            long end = Math.min(next + spec.windowUs(), Math.max(state.videoUs(), next + 1));
            Window window = window(next, end, frames, changes, words, state.speechNote(), audio);
            if (!window.frames().isEmpty()) {
                closed.add(window);
            }
            next += spec.hopUs();
            forgetBefore(next, frames, changes, words, audio);
        }
        return new Step(closed, new State(next, state.lastSceneId(), frames, changes, words, state.speechNote(),
                state.videoUs(), state.videoEnded(), state.speechUs(), state.speechEnded(), audio));
    }

    /** Drops what only windows before {@code keepFrom} can hold. */
    private static void forgetBefore(long keepFrom, List<FrameAnalysis> frames, List<Long> changes, List<SpokenWord> words,
                                     List<AudioSpan> audio) {
        frames.removeIf(f -> f.ptsUs() < keepFrom);
        changes.removeIf(t -> t < keepFrom);
        words.removeIf(w -> w.startMs() * 1000 < keepFrom);
        audio.removeIf(a -> a.endUs() <= keepFrom);
    }

    /**
     * The start of the first window from {@code next} on (on the hop grid) that holds a frame or a
     * word, but no further than where this round of closing stops anyway: the first window not yet
     * complete at {@code progress}, or, once the stream has ended ({@code endUs >= 0}), the first
     * starting at or after its end. Windows skipped this way are empty, so skipping emits nothing
     * the loop would have.
     */
    private long firstWindowWithContent(long next, List<FrameAnalysis> frames, List<SpokenWord> words, long progress,
                                        long endUs) {
        long earliest = Long.MAX_VALUE;
        for (FrameAnalysis f : frames) {
            earliest = Math.min(earliest, f.ptsUs());
        }
        for (SpokenWord w : words) {
            earliest = Math.min(earliest, w.startMs() * 1000);
        }
        long stop = endUs >= 0 ? firstStartAtOrAfter(next, endUs) : firstStartAfter(next, progress - spec.windowUs());
        return earliest == Long.MAX_VALUE ? stop : Math.min(stop, firstStartAfter(next, earliest - spec.windowUs()));
    }

    /** The smallest {@code next + k * hop} (k >= 0) greater than {@code t}. */
    private long firstStartAfter(long next, long t) {
        return t < next ? next : next + (Math.floorDiv(t - next, spec.hopUs()) + 1) * spec.hopUs();
    }

    /** The smallest {@code next + k * hop} (k >= 0) at or after {@code t}. */
    private long firstStartAtOrAfter(long next, long t) {
        return t <= next ? next : firstStartAfter(next, t - 1);
    }

    private static Window window(long start, long end, List<FrameAnalysis> frames, List<Long> changes, List<SpokenWord> words,
                                 String speechNote, List<AudioSpan> audio) {
        List<SpokenWord> spoken = words.stream().filter(w -> w.startMs() * 1000 >= start && w.startMs() * 1000 < end).toList();
        String heard = AudioSpan.strongest(audio.stream().filter(a -> a.overlaps(start, end)).toList());
        if (!spoken.isEmpty()) {
            heard = AudioSpan.SPEECH; // the recogniser heard words even where the voice activity was unsure
        } else if (heard.isEmpty() && speechNote.equals(AudioSpan.NO_AUDIO)) {
            heard = AudioSpan.NO_AUDIO;
        }
        return new Window(start, end,
                frames.stream().filter(f -> f.ptsUs() >= start && f.ptsUs() < end).toList(),
                changes.stream().filter(t -> t >= start && t < end).toList(),
                spoken, spoken.isEmpty() ? speechNote : "", heard);
    }
}
