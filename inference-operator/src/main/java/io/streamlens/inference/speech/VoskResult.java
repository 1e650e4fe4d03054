package io.streamlens.inference.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the words out of a Vosk result ({@code {"result":[{"word","start","end","conf"}…],"text"}}). */
final class VoskResult {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VoskResult() {
    }

    /** The result's words, with Vosk's seconds (counted from {@code originUs}) turned into stream time. */
    static List<Word> words(String json, long originUs) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Vosk returned a result that is not JSON: " + json, e);
        }
        List<Word> words = new ArrayList<>();
        for (JsonNode word : root.path("result")) {
            String text = word.path("word").asText("");
            if (text.isBlank()) {
                continue;
            }
            words.add(new Word(text,
                    originUs + Math.round(word.path("start").asDouble() * 1e6),
                    originUs + Math.round(word.path("end").asDouble() * 1e6),
                    word.path("conf").asDouble(1.0)));
        }
        return words;
    }
}
