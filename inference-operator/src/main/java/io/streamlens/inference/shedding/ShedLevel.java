package io.streamlens.inference.shedding;

import static io.streamlens.inference.analysis.FrameAnalyser.EXPRESSIONS;
import static io.streamlens.inference.analysis.FrameAnalyser.FACES;
import static io.streamlens.inference.analysis.FrameAnalyser.OBJECTS;
import static io.streamlens.inference.analysis.FrameAnalyser.POSTURE;
import static io.streamlens.inference.analysis.FrameAnalyser.TEXT;

import java.util.List;

/**
 * What each level of shedding gives up, cheapest loss first: the extras read from people
 * (posture, expressions), then the detectors (objects, faces), then text on all but a few frames
 * per stream, then text altogether. Speech, colours, motion and shots are never shed: they cost
 * little or are what a live caption is for.
 *
 * @param skipped the models that look at no frame at this level
 * @param textEveryUs at levels that thin text, the least time between two frames of a stream whose
 *     text is read (0: every frame's)
 */
record ShedLevel(List<String> skipped, long textEveryUs) {
    static final List<ShedLevel> LEVELS = List.of(
            new ShedLevel(List.of(), 0),
            new ShedLevel(List.of(POSTURE, EXPRESSIONS), 0),
            new ShedLevel(List.of(POSTURE, EXPRESSIONS, OBJECTS, FACES), 0),
            new ShedLevel(List.of(POSTURE, EXPRESSIONS, OBJECTS, FACES), 2_000_000),
            new ShedLevel(List.of(POSTURE, EXPRESSIONS, OBJECTS, FACES), 6_000_000),
            new ShedLevel(List.of(POSTURE, EXPRESSIONS, OBJECTS, FACES, TEXT), 0));

    static final int MAX = LEVELS.size() - 1;

    static ShedLevel of(int level) {
        return LEVELS.get(level);
    }
}
