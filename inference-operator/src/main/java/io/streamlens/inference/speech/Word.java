package io.streamlens.inference.speech;

/**
 * One recognised word on the stream's timeline (microseconds, the same clock as video frames).
 *
 * @param confidence Vosk's posterior for the word, 0 to 1
 */
public record Word(String text, long startUs, long endUs, double confidence) {
    public Word {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a word needs text");
        }
        if (endUs < startUs) {
            throw new IllegalArgumentException("word '" + text + "' ends at " + endUs + " before it starts at " + startUs);
        }
    }
}
