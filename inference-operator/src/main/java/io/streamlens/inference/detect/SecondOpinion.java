package io.streamlens.inference.detect;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Asks a second, separately trained frontal-face cascade ({@code alt2}) whether a candidate from
 * the first is a face.
 *
 * <p>Why: the default cascade sees only light and dark patches, and a cockatoo's head (two eyes
 * over a beak) fires it in about half of the sample video's frames with up to 17 neighbours, more
 * than a small human face gets, so no min-neighbours value separates them; a skin-colour check
 * does not either (that cockatoo's feathers are salmon pink). {@code alt2} was trained with other
 * features: searched around the candidate at about its size, it fires 11 to 30 times on the
 * astronaut's face at 34 to 70 px and at most 5 times on any cockatoo candidate. It works on
 * greyscale footage too, and costs little because it only searches the candidate's neighbourhood.
 *
 * <p>Not thread-safe, like {@link CascadeDetector}.
 */
final class SecondOpinion implements AutoCloseable {

    /** Search margin around the candidate, as a share of its width. */
    private static final double MARGIN = 0.25;
    private static final double MIN_SCALE = 0.7;
    private static final double MAX_SCALE = 1.5;

    private final CascadeClassifier alt2;
    private final int minVotes;

    SecondOpinion(int minVotes) {
        this.alt2 = Cascade.FRONTAL_FACE_ALT2.load();
        this.minVotes = minVotes;
    }

    /** True when {@code alt2} fires at least {@code minVotes} times around {@code face} (working-frame pixels). */
    boolean confirms(WorkingFrame frame, Box face) {
        int margin = (int) Math.round(face.width() * MARGIN);
        int x0 = Math.max(0, face.x() - margin);
        int y0 = Math.max(0, face.y() - margin);
        int x1 = Math.min(frame.width(), face.x() + face.width() + margin);
        int y1 = Math.min(frame.height(), face.y() + face.height() + margin);
        int min = (int) Math.round(face.width() * MIN_SCALE);
        int max = (int) Math.round(face.width() * MAX_SCALE);
        try (Rect around = new Rect(x0, y0, x1 - x0, y1 - y0);
                Mat roi = new Mat(frame.gray(), around);
                RectVector hits = new RectVector();
                Size minSize = new Size(min, min);
                Size maxSize = new Size(max, max)) {
            // min-neighbours 0: every window that passes all stages is returned ungrouped, one vote each.
            alt2.detectMultiScale(roi, hits, 1.1, 0, 0, minSize, maxSize);
            return hits.size() >= minVotes;
        }
    }

    @Override
    public void close() {
        alt2.close();
    }
}
