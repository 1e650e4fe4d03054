package io.streamlens.inference.faces;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the expression model made of one face: a probability per {@link Emotion} (softmax: they
 * sum to 1). The model is trained on posed, frontal, 48-px FER-2013 faces and is often wrong on
 * anything else, so captions should only use {@link #isSmiling()}, which asks for a lot.
 */
public record Expression(Map<Emotion, Float> scores) {

    /**
     * A face is called smiling only when the model gives "happy" at least this much. FER-2013
     * models confuse neutral, sad and happy on real footage; at 0.7 a smile has to dominate, and
     * the astronaut's (a broad, clear smile) scores above 0.99.
     */
    public static final float SMILING_MIN_HAPPY = 0.7f;

    public Expression {
        if (scores.size() != Emotion.values().length) {
            throw new IllegalArgumentException("an expression has a score per emotion: " + scores);
        }
        scores = Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    static Expression of(float[] probabilities) {
        Map<Emotion, Float> scores = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            scores.put(e, probabilities[e.ordinal()]);
        }
        return new Expression(scores);
    }

    public float score(Emotion emotion) {
        return scores.get(emotion);
    }

    /** The most probable emotion. */
    public Emotion top() {
        return scores.entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow().getKey();
    }

    /** Whether a caption may say this face smiles: see {@link #SMILING_MIN_HAPPY}. */
    public boolean isSmiling() {
        return score(Emotion.HAPPY) >= SMILING_MIN_HAPPY;
    }
}
