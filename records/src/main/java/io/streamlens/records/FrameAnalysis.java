package io.streamlens.records;

import java.util.List;
import java.util.Objects;

/**
 * What the models found in one sampled frame.
 *
 * @param ptsUs the frame's time
 * @param sceneId the shot it belongs to
 * @param novelty how new it was (0..1)
 * @param text on-screen text lines, in reading order
 * @param tokens the frame's visual tokens from a vision encoder ({@code rows × cols × dim},
 *     row-major), or empty for packs without one
 * @param looks its dominant colours and brightness
 * @param people faces and people a detector saw in it
 * @param motion mean absolute luma difference between consecutive decoded frames up to this one
 *     (0..1), or -1 when unknown
 * @param objects what the object detector found in it (not looked when it did not run)
 * @param tracks the same objects linked to the stream's tracks, once the tracker has seen the frame
 * @param carriedFromUs the time of the earlier frame of the same stream whose findings (text,
 *     objects, people, tokens) this frame carries because its picture had not changed since, or
 *     {@link #OWN_FINDINGS} when the models looked at this frame itself
 * @param shed the models a live job under overload left out on this frame ({@link ShedWork#NONE}:
 *     every model that runs looked)
 */
public record FrameAnalysis(long ptsUs, int sceneId, double novelty, List<OnScreenText> text, int rows, int cols,
                            int dim, float[] tokens, Looks looks, PeopleInView people, double motion,
                            FrameDetections objects, TrackedFrame tracks, long carriedFromUs, ShedWork shed) {
    /** {@link #carriedFromUs} of a frame the models looked at. */
    public static final long OWN_FINDINGS = -1;

    public FrameAnalysis {
        shed = shed == null ? ShedWork.NONE : shed;
        objects = objects == null ? FrameDetections.notLooked(ptsUs) : objects;
        tracks = tracks == null ? TrackedFrame.notLooked(ptsUs) : tracks;
        text = List.copyOf(text);
        looks = looks == null ? Looks.UNKNOWN : looks;
        people = people == null ? PeopleInView.NOT_LOOKED : people;
        tokens = tokens == null ? new float[0] : tokens;
        if (tokens.length != rows * cols * dim) {
            throw new IllegalArgumentException("tokens hold " + tokens.length + " values, not " + rows + "x" + cols + "x" + dim);
        }
    }

    /** Findings of a frame nothing was shed from. */
    public FrameAnalysis(long ptsUs, int sceneId, double novelty, List<OnScreenText> text, int rows, int cols, int dim,
                         float[] tokens, Looks looks, PeopleInView people, double motion, FrameDetections objects,
                         TrackedFrame tracks, long carriedFromUs) {
        this(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, people, motion, objects, tracks, carriedFromUs,
                ShedWork.NONE);
    }

    /** Findings the models made on this frame itself. */
    public FrameAnalysis(long ptsUs, int sceneId, double novelty, List<OnScreenText> text, int rows, int cols, int dim,
                         float[] tokens, Looks looks, PeopleInView people, double motion, FrameDetections objects,
                         TrackedFrame tracks) {
        this(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, people, motion, objects, tracks, OWN_FINDINGS);
    }

    /** Findings without looks (tests, and frames the models could not see). */
    public FrameAnalysis(long ptsUs, int sceneId, double novelty, List<OnScreenText> text, int rows, int cols, int dim,
                         float[] tokens) {
        this(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, Looks.UNKNOWN);
    }

    /** Findings without people or motion. */
    public FrameAnalysis(long ptsUs, int sceneId, double novelty, List<OnScreenText> text, int rows, int cols, int dim,
                         float[] tokens, Looks looks) {
        this(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, PeopleInView.NOT_LOOKED, -1);
    }

    /** Findings without objects (packs and tests that run no object detector). */
    public FrameAnalysis(long ptsUs, int sceneId, double novelty, List<OnScreenText> text, int rows, int cols, int dim,
                         float[] tokens, Looks looks, PeopleInView people, double motion) {
        this(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, people, motion, null, null);
    }

    public static FrameAnalysis textOnly(SampledFrame frame, List<OnScreenText> text) {
        return new FrameAnalysis(frame.ptsUs(), frame.sceneId(), frame.novelty(), text, 0, 0, 0, new float[0],
                Looks.UNKNOWN, PeopleInView.NOT_LOOKED, frame.motion(), null, null);
    }

    public FrameAnalysis withLooks(Looks value) {
        return new FrameAnalysis(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, value, people, motion, objects, tracks, carriedFromUs, shed);
    }

    public FrameAnalysis withPeople(PeopleInView value) {
        return new FrameAnalysis(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, value, motion, objects, tracks, carriedFromUs, shed);
    }

    public FrameAnalysis withMotion(double value) {
        return new FrameAnalysis(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, people, value, objects, tracks, carriedFromUs, shed);
    }

    public FrameAnalysis withObjects(FrameDetections value) {
        return new FrameAnalysis(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, people, motion, value, tracks, carriedFromUs, shed);
    }

    public FrameAnalysis withTracks(TrackedFrame value) {
        return new FrameAnalysis(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, people, motion, objects, value, carriedFromUs, shed);
    }

    public FrameAnalysis withShed(ShedWork value) {
        return new FrameAnalysis(ptsUs, sceneId, novelty, text, rows, cols, dim, tokens, looks, people, motion, objects, tracks, carriedFromUs, value);
    }

    /**
     * These findings as another frame's, whose picture has not changed since this one: its own
     * time, shot, novelty and motion; this frame's text, objects, people, tokens and looks (the
     * tracker, which runs later, links the carried objects to its tracks as it would fresh ones).
     */
    public FrameAnalysis carriedTo(long framePtsUs, int frameSceneId, double frameNovelty, double frameMotion) {
        long from = carriedFromUs == OWN_FINDINGS ? ptsUs : carriedFromUs;
        return new FrameAnalysis(framePtsUs, frameSceneId, frameNovelty, text, rows, cols, dim, tokens, looks, people,
                frameMotion, new FrameDetections(framePtsUs, objects.looked(), objects.detections()), TrackedFrame.notLooked(framePtsUs),
                from, shed);
    }

    /** Whether these findings were carried over from an earlier frame rather than made on this one. */
    public boolean carriedOver() {
        return carriedFromUs != OWN_FINDINGS;
    }

    public int tokenCount() {
        return rows * cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameAnalysis f && ptsUs == f.ptsUs && sceneId == f.sceneId
                && Double.compare(novelty, f.novelty) == 0 && rows == f.rows && cols == f.cols && dim == f.dim
                && text.equals(f.text) && looks.equals(f.looks) && people.equals(f.people)
                && Double.compare(motion, f.motion) == 0 && java.util.Arrays.equals(tokens, f.tokens)
                && objects.equals(f.objects) && tracks.equals(f.tracks) && carriedFromUs == f.carriedFromUs && shed.equals(f.shed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ptsUs, sceneId, novelty, text, rows, cols, dim, looks, people, motion, objects, tracks, carriedFromUs, shed) * 31
                + java.util.Arrays.hashCode(tokens);
    }
}
