package io.streamlens.inference.posture;

import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link Posture} from keypoints with a few geometric rules, in pixel proportions (the
 * frame's aspect is undone first) and in units of the person's own torso length, so they hold at
 * any distance from the camera. Every rule needs its keypoints to be confident; otherwise the
 * answer is {@link Stance#UNKNOWN}, and no arm is called raised: saying nothing beats saying
 * something wrong in a caption.
 */
public final class PostureRules {

    /**
     * Keypoints MoveNet scores below this are ignored. TensorFlow's MoveNet demos draw points
     * above 0.3; below it the model still places every point, usually on the body's outline.
     */
    static final float MIN_KEYPOINT_SCORE = 0.3f;
    /**
     * A torso leaning more than this from vertical is lying. Sitting back in a chair or bending
     * leans the torso 20–40°; lying puts it near 90°, so 60° leaves a margin on both sides.
     */
    static final double LYING_MIN_TORSO_DEGREES = 60;
    /** Up to this lean the torso counts as upright; between the two, nothing is said. */
    static final double UPRIGHT_MAX_TORSO_DEGREES = 30;
    /**
     * Standing: knees at least this many torso lengths below the hips. An adult's thigh is about
     * as long as the torso (0.8–1.0), and hangs straight when standing.
     */
    static final double STANDING_MIN_THIGH_DROP = 0.6;
    /** Standing also needs the shins to hang: ankles this far below the knees, when seen. */
    static final double STANDING_MIN_SHIN_DROP = 0.5;
    /**
     * Sitting: knees at most this far below the hips. Seated thighs are level (side view) or point
     * at the camera and look short (front view, about 0.2–0.4); between the two limits nothing is said.
     */
    static final double SITTING_MAX_THIGH_DROP = 0.45;
    /**
     * An arm is raised when its wrist is above its shoulder by this many torso lengths: a hand at
     * the chin or touching the hair is about level with the shoulder, a raised arm well above.
     */
    static final double RAISED_MIN_WRIST_RISE = 0.25;
    /** Without hips the torso is estimated from the shoulders: adults' torsos are about 1.5 shoulder widths. */
    static final double TORSO_PER_SHOULDER_WIDTH = 1.5;

    private PostureRules() {
    }

    /**
     * @param keypoints all 17, in {@link BodyPart} order, relative frame coordinates
     * @param aspect the frame's width over its height
     */
    public static Posture classify(List<BodyKeypoint> keypoints, double aspect) {
        Body body = new Body(keypoints, aspect);
        Optional<double[]> shoulders = body.middle(BodyPart.LEFT_SHOULDER, BodyPart.RIGHT_SHOULDER);
        if (shoulders.isEmpty()) {
            return Posture.UNKNOWN;
        }
        Optional<double[]> hips = body.middle(BodyPart.LEFT_HIP, BodyPart.RIGHT_HIP);
        Optional<Double> torso = hips.map(h -> Math.hypot(h[0] - shoulders.get()[0], h[1] - shoulders.get()[1]))
                .or(() -> body.distance(BodyPart.LEFT_SHOULDER, BodyPart.RIGHT_SHOULDER).map(w -> w * TORSO_PER_SHOULDER_WIDTH))
                .filter(t -> t > 0);
        if (torso.isEmpty()) {
            return Posture.UNKNOWN;
        }
        Stance stance = hips.map(h -> stance(body, shoulders.get(), h, torso.get())).orElse(Stance.UNKNOWN);
        boolean raised = stance != Stance.LYING && (armRaised(body, BodyPart.LEFT_WRIST, BodyPart.LEFT_SHOULDER, torso.get())
                || armRaised(body, BodyPart.RIGHT_WRIST, BodyPart.RIGHT_SHOULDER, torso.get()));
        return new Posture(stance, raised);
    }

    private static Stance stance(Body body, double[] shoulders, double[] hips, double torso) {
        double dx = hips[0] - shoulders[0];
        double dy = hips[1] - shoulders[1];
        double lean = Math.toDegrees(Math.atan2(Math.abs(dx), dy)); // 0 upright, 90 level, 180 upside down
        if (lean >= LYING_MIN_TORSO_DEGREES && lean <= 180 - LYING_MIN_TORSO_DEGREES) {
            return Stance.LYING;
        }
        if (lean > UPRIGHT_MAX_TORSO_DEGREES) {
            return Stance.UNKNOWN; // leaning, bending, or upside down: not something to call
        }
        Optional<Double> thigh = body.meanDrop(BodyPart.LEFT_HIP, BodyPart.LEFT_KNEE, BodyPart.RIGHT_HIP, BodyPart.RIGHT_KNEE);
        if (thigh.isEmpty()) {
            return Stance.UNKNOWN; // a person cut off at the waist may be sitting or standing
        }
        double thighDrop = thigh.get() / torso;
        if (thighDrop <= SITTING_MAX_THIGH_DROP) {
            return Stance.SITTING;
        }
        if (thighDrop >= STANDING_MIN_THIGH_DROP) {
            Optional<Double> shin = body.meanDrop(BodyPart.LEFT_KNEE, BodyPart.LEFT_ANKLE, BodyPart.RIGHT_KNEE, BodyPart.RIGHT_ANKLE);
            // Kneeling has upright thighs too, but the shins lie flat.
            if (shin.isEmpty() || shin.get() / torso >= STANDING_MIN_SHIN_DROP) {
                return Stance.STANDING;
            }
        }
        return Stance.UNKNOWN;
    }

    private static boolean armRaised(Body body, BodyPart wrist, BodyPart shoulder, double torso) {
        return body.drop(wrist, shoulder).map(d -> d / torso >= RAISED_MIN_WRIST_RISE).orElse(false);
    }

    /** Confident keypoints in pixel proportions: x scaled by the aspect, so distances are true. */
    private static final class Body {
        private final List<BodyKeypoint> keypoints;
        private final double aspect;

        Body(List<BodyKeypoint> keypoints, double aspect) {
            if (keypoints.size() != BodyPart.values().length) {
                throw new IllegalArgumentException("need " + BodyPart.values().length + " keypoints, got " + keypoints.size());
            }
            this.keypoints = keypoints;
            this.aspect = aspect;
        }

        Optional<double[]> point(BodyPart part) {
            BodyKeypoint k = keypoints.get(part.ordinal());
            return k.score() >= MIN_KEYPOINT_SCORE ? Optional.of(new double[] {k.x() * aspect, k.y()}) : Optional.empty();
        }

        /** The midpoint of a left/right pair, or the one side seen. */
        Optional<double[]> middle(BodyPart a, BodyPart b) {
            Optional<double[]> pa = point(a);
            Optional<double[]> pb = point(b);
            if (pa.isPresent() && pb.isPresent()) {
                return Optional.of(new double[] {(pa.get()[0] + pb.get()[0]) / 2, (pa.get()[1] + pb.get()[1]) / 2});
            }
            return pa.or(() -> pb);
        }

        Optional<Double> distance(BodyPart a, BodyPart b) {
            return point(a).flatMap(pa -> point(b).map(pb -> Math.hypot(pa[0] - pb[0], pa[1] - pb[1])));
        }

        /** How far {@code lower} is below {@code upper} (negative when above). */
        Optional<Double> drop(BodyPart upper, BodyPart lower) {
            return point(upper).flatMap(u -> point(lower).map(l -> l[1] - u[1]));
        }

        /** The mean drop over the sides where both points are confident. */
        Optional<Double> meanDrop(BodyPart upper1, BodyPart lower1, BodyPart upper2, BodyPart lower2) {
            Optional<Double> a = drop(upper1, lower1);
            Optional<Double> b = drop(upper2, lower2);
            if (a.isPresent() && b.isPresent()) {
                return Optional.of((a.get() + b.get()) / 2);
            }
            return a.or(() -> b);
        }
    }
}
