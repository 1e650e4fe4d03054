package io.streamlens.inference.analysis;

import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.ShedWork;
import java.util.function.Function;

/** Which models each frame of a segment about to go to the models should do without (load shedding). */
@FunctionalInterface
public interface ShedPlanner {
    ShedPlanner NONE = segment -> frame -> ShedWork.NONE;

    /** Called once per segment, with only the frames the models will see, in order. */
    Function<SampledFrame, ShedWork> plan(SampledSegment segment);
}
