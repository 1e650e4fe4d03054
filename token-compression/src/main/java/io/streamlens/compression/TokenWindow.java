package io.streamlens.compression;

import java.util.List;
import java.util.Objects;

/**
 * The token grids of one stream window, in time order, ready to be compressed together.
 *
 * <p>All grids come from one encoder, so they share a shape; a window that mixes shapes is refused
 * here rather than deep inside an operation, where temporal pruning would compare unrelated cells.
 *
 * @param streamId the stream it belongs to
 * @param startMs window start, counted from the first frame of the source
 * @param endMs window end (exclusive)
 * @param frames at least one grid, all of one shape, in presentation order
 */
public record TokenWindow(String streamId, long startMs, long endMs, List<TokenGrid> frames) {

    public TokenWindow {
        Objects.requireNonNull(streamId, "streamId");
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
        if (endMs < startMs) {
            throw new IllegalArgumentException("window ends at " + endMs + " ms, before its start " + startMs + " ms");
        }
        requireOneShape(frames);
    }

    /** Refuses an empty list or grids of different shapes; compression needs one shared grid. */
    static void requireOneShape(List<TokenGrid> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one frame");
        }
        TokenGrid first = frames.get(0);
        for (int f = 1; f < frames.size(); f++) {
            if (!frames.get(f).sameShapeAs(first)) {
                throw new IllegalArgumentException("frame " + f + " is " + frames.get(f).shape()
                        + " but frame 0 is " + first.shape() + "; a window's grids must share one shape");
            }
        }
    }
}
