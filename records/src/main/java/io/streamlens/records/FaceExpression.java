package io.streamlens.records;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the expression model made of one face large enough to judge.
 *
 * @param face the face's box in the frame's pixels
 * @param scores the model's probability for each of its seven expressions (angry, disgust, fear,
 *     happy, sad, surprise, neutral); kept whole so a reader can judge the model's certainty
 * @param smiling whether the model was confident enough ("happy" dominant) for a caption to say so
 */
public record FaceExpression(Region face, Map<String, Float> scores, boolean smiling) {

    public FaceExpression {
        Objects.requireNonNull(face, "face");
        scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
    }

    /** The most probable expression, or empty when there are no scores. */
    public String top() {
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }
}
