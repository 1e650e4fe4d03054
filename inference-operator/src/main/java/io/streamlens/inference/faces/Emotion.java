package io.streamlens.inference.faces;

/**
 * The seven FER-2013 classes of the {@code emotion} model (oarriaga/face_classification), in the
 * model's output order, as TF.js human's {@code gear/emotion.ts} lists them.
 */
public enum Emotion {
    ANGRY,
    DISGUST,
    FEAR,
    HAPPY,
    SAD,
    SURPRISE,
    NEUTRAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
