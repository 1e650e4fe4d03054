package io.streamlens.inference.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * One loaded cascade with its settings.
 *
 * <p>Not thread-safe: OpenCV's {@code CascadeClassifier::detectMultiScale} keeps the image
 * pyramid and feature sums of the current call inside the classifier object, so two threads
 * running one classifier corrupt each other's results. {@link PeopleAndFacesDetector} gives each
 * caller its own.
 */
final class CascadeDetector implements AutoCloseable {

    private final CascadeClassifier classifier;
    private final CascadeSettings settings;
    private final int windowWidth;
    private final int windowHeight;

    CascadeDetector(Cascade cascade, CascadeSettings settings) {
        this.classifier = cascade.load();
        this.settings = settings;
        try (Size window = classifier.getOriginalWindowSize()) {
            this.windowWidth = window.width();
            this.windowHeight = window.height();
        }
    }

    /** Boxes in the working frame's pixels, surest first. */
    List<Box> detect(WorkingFrame frame) {
        int minHeight = Math.max(windowHeight,
                (int) Math.ceil(settings.minHeightFraction() * Math.min(frame.width(), frame.height())));
        int minWidth = Math.max(windowWidth, (int) Math.ceil((double) minHeight * windowWidth / windowHeight));
        try (RectVector found = new RectVector();
                IntPointer rejectLevels = new IntPointer();
                DoublePointer weights = new DoublePointer();
                Size minSize = new Size(minWidth, minHeight);
                Size noMaxSize = new Size()) {
            // detectMultiScale3 with outputRejectLevels keeps the same boxes as detectMultiScale
            // (min-neighbours still applies) and adds the last stage's weight as a score.
            classifier.detectMultiScale3(frame.gray(), found, rejectLevels, weights, settings.scaleFactor(),
                    settings.minNeighbours(), 0, minSize, noMaxSize, true);
            List<Box> boxes = new ArrayList<>((int) found.size());
            for (int i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                boxes.add(new Box(r.x(), r.y(), r.width(), r.height(), weights.get(i)));
            }
            boxes.sort(Comparator.comparingDouble(Box::score).reversed());
            return boxes;
        }
    }

    @Override
    public void close() {
        classifier.close();
    }
}
