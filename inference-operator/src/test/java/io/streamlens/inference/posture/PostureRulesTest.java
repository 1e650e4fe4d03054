package io.streamlens.inference.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules on hand-placed keypoints (a square frame, so relative units are pixel proportions).
 * A torso is 0.2 long in every figure.
 */
class PostureRulesTest {

    @Test
    void uprightWithHangingLegsIsStanding() {
        assertThat(classify(figure().legs(0.18, 0.18))).isEqualTo(new Posture(Stance.STANDING, false));
    }

    @Test
    void uprightWithLevelThighsIsSitting() {
        // side view: knees forward at hip height, shins hanging
        Figure f = figure().legs(0.02, 0.18);
        f.move(BodyPart.LEFT_KNEE, 0.18, 0);
        f.move(BodyPart.RIGHT_KNEE, 0.18, 0);
        assertThat(classify(f)).isEqualTo(new Posture(Stance.SITTING, false));
    }

    @Test
    void frontViewWithShortThighsIsSitting() {
        assertThat(classify(figure().legs(0.06, 0.16)).stance()).isEqualTo(Stance.SITTING);
    }

    @Test
    void aLevelTorsoIsLying() {
        Figure f = new Figure();
        f.set(BodyPart.LEFT_SHOULDER, 0.3, 0.50).set(BodyPart.RIGHT_SHOULDER, 0.3, 0.55)
                .set(BodyPart.LEFT_HIP, 0.5, 0.50).set(BodyPart.RIGHT_HIP, 0.5, 0.55)
                .set(BodyPart.LEFT_KNEE, 0.68, 0.50).set(BodyPart.RIGHT_KNEE, 0.68, 0.55)
                // arms stretched "up" along the floor: not raised
                .set(BodyPart.LEFT_WRIST, 0.12, 0.50).set(BodyPart.RIGHT_WRIST, 0.12, 0.55);
        assertThat(classify(f)).isEqualTo(new Posture(Stance.LYING, false));
    }

    @Test
    void aWristWellAboveItsShoulderIsARaisedArm() {
        Figure f = figure().legs(0.18, 0.18);
        f.set(BodyPart.RIGHT_WRIST, 0.45, 0.2);
        assertThat(classify(f)).isEqualTo(new Posture(Stance.STANDING, true));
        assertThat(classify(f).describe()).isEqualTo("standing, arms raised");
    }

    @Test
    void aHandAtTheChinIsNotRaised() {
        Figure f = figure().legs(0.18, 0.18);
        f.set(BodyPart.RIGHT_WRIST, 0.47, 0.28);
        assertThat(classify(f).armsRaised()).isFalse();
    }

    @Test
    void withoutKneesOnlyTheArmsAreSaid() {
        Figure f = figure();
        f.set(BodyPart.LEFT_WRIST, 0.53, 0.15);
        assertThat(classify(f)).isEqualTo(new Posture(Stance.UNKNOWN, true));
        assertThat(classify(f).describe()).isEqualTo("arms raised");
    }

    @Test
    void kneelingIsNotCalledStanding() {
        // thighs hang, but the shins lie on the floor behind the knees
        assertThat(classify(figure().legs(0.18, 0.0)).stance()).isEqualTo(Stance.UNKNOWN);
    }

    @Test
    void aLeaningTorsoSaysNothing() {
        Figure f = figure().legs(0.18, 0.18);
        f.move(BodyPart.LEFT_SHOULDER, 0.15, 0).move(BodyPart.RIGHT_SHOULDER, 0.15, 0); // about 37° off vertical
        assertThat(classify(f).stance()).isEqualTo(Stance.UNKNOWN);
    }

    @Test
    void lowConfidenceKeypointsSayNothing() {
        Figure f = figure().legs(0.18, 0.18);
        f.score(PostureRules.MIN_KEYPOINT_SCORE - 0.01f);
        assertThat(classify(f)).isEqualTo(Posture.UNKNOWN);
        assertThat(Posture.UNKNOWN.describe()).isEmpty();
    }

    @Test
    void pixelProportionsNotRelativeUnitsDecide() {
        // a standing figure in a 16:9 frame: relative x spreads are 9/16 of the pixel ones
        Figure f = figure().legs(0.18, 0.18);
        assertThat(PostureRules.classify(f.keypoints(), 16.0 / 9).stance()).isEqualTo(Stance.STANDING);
    }

    private static Posture classify(Figure f) {
        return PostureRules.classify(f.keypoints(), 1.0);
    }

    /** Shoulders at y 0.3, hips at 0.5 (a torso of 0.2), arms hanging; legs added by {@link Figure#legs}. */
    private static Figure figure() {
        return new Figure()
                .set(BodyPart.NOSE, 0.5, 0.22)
                .set(BodyPart.LEFT_SHOULDER, 0.55, 0.3).set(BodyPart.RIGHT_SHOULDER, 0.45, 0.3)
                .set(BodyPart.LEFT_WRIST, 0.57, 0.48).set(BodyPart.RIGHT_WRIST, 0.43, 0.48)
                .set(BodyPart.LEFT_HIP, 0.54, 0.5).set(BodyPart.RIGHT_HIP, 0.46, 0.5);
    }

    /** Keypoints by hand; the ones never set have score 0. */
    private static final class Figure {
        private final double[][] xy = new double[BodyPart.values().length][];
        private float score = 0.9f;

        Figure set(BodyPart part, double x, double y) {
            xy[part.ordinal()] = new double[] {x, y};
            return this;
        }

        Figure move(BodyPart part, double dx, double dy) {
            xy[part.ordinal()][0] += dx;
            xy[part.ordinal()][1] += dy;
            return this;
        }

        /** Knees {@code thigh} below the hips, ankles {@code shin} below the knees. */
        Figure legs(double thigh, double shin) {
            for (BodyPart[] side : new BodyPart[][] {{BodyPart.LEFT_HIP, BodyPart.LEFT_KNEE, BodyPart.LEFT_ANKLE},
                    {BodyPart.RIGHT_HIP, BodyPart.RIGHT_KNEE, BodyPart.RIGHT_ANKLE}}) {
                double[] hip = xy[side[0].ordinal()];
                set(side[1], hip[0], hip[1] + thigh);
                set(side[2], hip[0], hip[1] + thigh + shin);
            }
            return this;
        }

        void score(float s) {
            score = s;
        }

        List<BodyKeypoint> keypoints() {
            List<BodyKeypoint> out = new ArrayList<>();
            for (BodyPart p : BodyPart.values()) {
                double[] v = xy[p.ordinal()];
                out.add(v == null ? new BodyKeypoint(p, 0, 0, 0) : new BodyKeypoint(p, (float) v[0], (float) v[1], score));
            }
            return out;
        }
    }
}
