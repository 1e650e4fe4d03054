package io.streamlens.inference.perception;

import java.util.List;

/**
 * Greedy CTC decoding of PP-OCR recogniser output: the best class per time step, repeats
 * collapsed, blanks dropped. Class 0 is the blank, classes 1..n are the dictionary's lines and
 * class n + 1 is a space.
 */
final class CtcDecoder {

    /** Text and the mean probability of its characters. */
    record Decoded(String text, float confidence) {
    }

    private final List<String> characters;

    /** @param dictionary the lines of {@code ppocr_keys_v1.txt}, without the space PP-OCR appends */
    CtcDecoder(List<String> dictionary) {
        this.characters = dictionary;
    }

    /** Number of classes the recogniser must output: blank, the dictionary, space. */
    int classes() {
        return characters.size() + 2;
    }

    /** Decodes {@code steps × classes} probabilities starting at {@code offset}. */
    Decoded decode(float[] probs, int offset, int steps, int classes) {
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int kept = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probs[base + c] > probs[base + best]) {
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(best <= characters.size() ? characters.get(best - 1) : " ");
                confidence += probs[base + best];
                kept++;
            }
            previous = best;
        }
        return new Decoded(text.toString().strip(), kept == 0 ? 0f : (float) (confidence / kept));
    }
}
