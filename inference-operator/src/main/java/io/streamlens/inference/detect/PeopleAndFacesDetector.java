package io.streamlens.inference.detect;

import io.streamlens.inference.RgbImage;
import io.streamlens.sampler.JavaCppMemory;
import io.streamlens.sampler.Uninterruptible;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Finds frontal faces and whole bodies in a frame with OpenCV's Haar cascades, and so counts the
 * people in it ({@link Detections#personCount()}).
 *
 * <pre>{@code
 * try (PeopleAndFacesDetector detector = PeopleAndFacesDetector.open()) {
 *     Detections found = detector.detect(frame);   // found.faceCount(), found.personCount()
 * }
 * }</pre>
 *
 * <p>Stateless between frames and thread-safe: a cascade classifier may not be used by two
 * threads at once (see {@link CascadeDetector}), so each call borrows a set of classifiers from
 * a small pool and gives it back; the pool grows to the largest number of concurrent callers
 * (a set of three cascades takes some tens of milliseconds to parse). A pool
 * rather than a {@code ThreadLocal}: {@link #close()} frees every set, whichever thread made it,
 * and threads of Flink or of the batcher that come and go leave nothing behind.
 *
 * <p>Frames are searched at most {@link Settings#maxSide()} pixels on their longer side; boxes
 * come back in the caller's pixel coordinates. OpenCV may spread one call over its own worker
 * threads ({@code cv::setNumThreads}, process-wide): left as it is here.
 */
public final class PeopleAndFacesDetector implements AutoCloseable {

    /**
     * @param maxSide frames larger than this on their longer side are searched downscaled: the
     *     cost grows with the pixel count, and faces lost by it are too small to matter
     * @param faces the frontal-face cascade's settings
     * @param minSecondOpinionVotes how many times the second face cascade must fire around a face
     *     for it to be kept (see {@link SecondOpinion}); 0 keeps every face the first one finds
     * @param bodies the whole-body cascade's settings
     */
    public record Settings(int maxSide, CascadeSettings faces, int minSecondOpinionVotes, CascadeSettings bodies) {

        public Settings {
            if (maxSide < 64) {
                throw new IllegalArgumentException("maxSide must be at least 64, not " + maxSide);
            }
            Objects.requireNonNull(faces, "faces");
            Objects.requireNonNull(bodies, "bodies");
            if (minSecondOpinionVotes < 0) {
                throw new IllegalArgumentException("minSecondOpinionVotes must not be negative");
            }
        }

        /**
         * Faces: scale step 1.1, min-neighbours 5 (3 finds faces in large bold text), at least 1/20
         * of the shorter side, 8 votes from the second cascade (cockatoo at most 5, human faces 11
         * or more). Bodies: min-neighbours 6 (the cockatoo reached 5), at least a quarter of the
         * shorter side tall. Measured on the sample media; see {@code PeopleAndFacesDetectorTest}.
         */
        public static Settings defaults() {
            return new Settings(640, new CascadeSettings(1.1, 5, 0.05), 8, new CascadeSettings(1.1, 6, 0.25));
        }
    }

    /** One caller's classifiers. */
    private static final class Cascades implements AutoCloseable {
        final CascadeDetector faces;
        final SecondOpinion secondOpinion;
        final CascadeDetector bodies;

        Cascades(Settings settings) {
            faces = new CascadeDetector(Cascade.FRONTAL_FACE, settings.faces());
            SecondOpinion second = null;
            try {
                second = new SecondOpinion(settings.minSecondOpinionVotes());
                bodies = new CascadeDetector(Cascade.FULL_BODY, settings.bodies());
            } catch (RuntimeException e) {
                faces.close();
                if (second != null) {
                    second.close();
                }
                throw e;
            }
            secondOpinion = second;
        }

        @Override
        public void close() {
            faces.close();
            secondOpinion.close();
            bodies.close();
        }
    }

    private final Settings settings;
    private final Deque<Cascades> idle = new ArrayDeque<>();
    private boolean closed;

    private PeopleAndFacesDetector(Settings settings) {
        this.settings = settings;
        // Parse one set now, so that a missing jar or a broken cascade fails here, not on a frame.
        idle.push(new Cascades(settings));
    }

    public static PeopleAndFacesDetector open() {
        return open(Settings.defaults());
    }

    /** Loads OpenCV where a Flink cancel cannot interrupt it half-way (see {@link Uninterruptible}). */
    public static PeopleAndFacesDetector open(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        JavaCppMemory.allowBeyondHeap();
        return Uninterruptible.call("load OpenCV", () -> new PeopleAndFacesDetector(settings));
    }

    public Settings settings() {
        return settings;
    }

    /** Faces and bodies in {@code frame}. */
    public Detections detect(RgbImage frame) {
        return search(frame, (c, working) -> new Detections(faces(c, working), bodies(c, working)));
    }

    /** Frontal faces only, surest first. */
    public List<Box> faces(RgbImage frame) {
        return search(frame, this::faces);
    }

    /** Whole bodies only, surest first. */
    public List<Box> bodies(RgbImage frame) {
        return search(frame, this::bodies);
    }

    private List<Box> faces(Cascades c, WorkingFrame frame) {
        return c.faces.detect(frame).stream()
                .filter(face -> settings.minSecondOpinionVotes() == 0 || c.secondOpinion.confirms(frame, face))
                .map(frame::toFrame)
                .toList();
    }

    private List<Box> bodies(Cascades c, WorkingFrame frame) {
        return c.bodies.detect(frame).stream().map(frame::toFrame).toList();
    }

    private interface Search<T> {
        T run(Cascades cascades, WorkingFrame frame);
    }

    private <T> T search(RgbImage frame, Search<T> search) {
        Objects.requireNonNull(frame, "frame");
        Cascades cascades = borrow();
        try (WorkingFrame working = WorkingFrame.of(frame, settings.maxSide())) {
            return search.run(cascades, working);
        } finally {
            giveBack(cascades);
        }
    }

    private Cascades borrow() {
        synchronized (idle) {
            if (closed) {
                throw new IllegalStateException("detector is closed");
            }
            Cascades c = idle.poll();
            if (c != null) {
                return c;
            }
        }
        return new Cascades(settings);
    }

    private void giveBack(Cascades cascades) {
        synchronized (idle) {
            if (!closed) {
                idle.push(cascades);
                return;
            }
        }
        cascades.close();
    }

    @Override
    public void close() {
        List<Cascades> toClose;
        synchronized (idle) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(Cascades::close);
    }
}
