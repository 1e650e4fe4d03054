package io.streamlens.inference.vlm;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from a step's logits. Stateless: randomness comes from the generation's
 * own seeded {@link Random}, so one sampler serves concurrent generations and a seed reproduces
 * a run.
 */
@FunctionalInterface
public interface Sampler {

    int sample(float[] logits, Random random);

    /** The most likely token, always. */
    static Sampler greedy() {
        return Greedy.INSTANCE;
    }

    /**
     * Nucleus sampling: the smallest set of most likely tokens whose probabilities reach
     * {@code topP}, after dividing the logits by {@code temperature}.
     */
    static Sampler topP(float temperature, float topP) {
        return new TopP(temperature, topP);
    }

    /** Argmax, lowest id on ties. */
    enum Greedy implements Sampler {
        INSTANCE;

        @Override
        public int sample(float[] logits, Random random) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }

        @Override
        public String toString() {
            return "greedy";
        }
    }

    /** Temperature and nucleus sampling. */
    record TopP(float temperature, float topP) implements Sampler {

        public TopP {
            if (!(temperature > 0) || !Float.isFinite(temperature)) {
                throw new IllegalArgumentException("temperature must be positive, was " + temperature);
            }
            if (!(topP > 0) || topP > 1) {
                throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
            }
        }

        @Override
        public int sample(float[] logits, Random random) {
            int n = logits.length;
            float max = Float.NEGATIVE_INFINITY;
            for (float l : logits) {
                max = Math.max(max, l);
            }
            double[] p = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                p[i] = Math.exp((logits[i] - max) / temperature);
                sum += p[i];
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                p[i] /= sum;
            }
            Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
            double kept = 0;
            int size = 0;
            while (size < n && kept < topP) {
                kept += p[order[size++]];
            }
            double r = random.nextDouble() * kept;
            for (int i = 0; i < size; i++) {
                r -= p[order[i]];
                if (r <= 0) {
                    return order[i];
                }
            }
            return order[size - 1];
        }
    }
}
