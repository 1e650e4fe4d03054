package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * The models a live job left out on one frame because it was running behind its streams, so that
 * captions stay near real time instead of falling ever further behind (the job's load shedding).
 *
 * @param level how hard the job was shedding when the frame was analysed (0: not at all)
 * @param behindMs how far behind its streams' arrival the analysis was running then
 * @param skipped the models that did not look at the frame, in the order they are given up
 */
public record ShedWork(int level, long behindMs, List<String> skipped) {
    public static final ShedWork NONE = new ShedWork(0, 0, List.of());
    /** The text reader's name among the models, which captions need to know: unread text is not "no text". */
    public static final String TEXT = "text";

    public ShedWork {
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        if (level < 0) {
            throw new IllegalArgumentException("a shedding level is 0 or more, got " + level);
        }
    }

    public boolean any() {
        return !skipped.isEmpty();
    }

    public boolean skips(String model) {
        return skipped.contains(model);
    }
}
