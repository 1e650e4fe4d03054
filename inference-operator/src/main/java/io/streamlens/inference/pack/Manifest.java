package io.streamlens.inference.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code pack.json}. Readers take a dotted path and a default, and note a problem (rather
 * than throw) when a value has the wrong type, so a broken manifest is reported in full.
 */
public final class Manifest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final Problems problems;
    private final String name;
    private final PackKind kind;

    private Manifest(JsonNode root, Problems problems) {
        this.root = root;
        this.problems = problems;
        this.name = text("name", "");
        problems.packNamed(name);
        String kindCode = text("kind", "");
        this.kind = PackKind.parse(kindCode).orElse(null);
        if (kind == null) {
            problems.add("pack.json: kind is '" + kindCode + "', expected one of vlm, perception");
        }
    }

    /** Parses the manifest; empty (with the problem noted) when it is not a JSON object. */
    public static Optional<Manifest> parse(byte[] json, Problems problems) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                problems.add("pack.json: not a JSON object");
                return Optional.empty();
            }
            return Optional.of(new Manifest(root, problems));
        } catch (JsonProcessingException e) {
            problems.add("pack.json: not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")");
            return Optional.empty();
        } catch (IOException e) {
            problems.add("pack.json: unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    public String name() {
        return name;
    }

    /** The declared kind, or null when it was missing or unknown (a problem has been noted). */
    public PackKind kind() {
        return kind;
    }

    public Problems problems() {
        return problems;
    }

    public String text(String path, String fallback) {
        JsonNode n = at(path);
        if (n == null) {
            return fallback;
        }
        if (!n.isTextual()) {
            problems.add("pack.json: " + path + " must be a string");
            return fallback;
        }
        return n.asText();
    }

    /** A required string: notes a problem when missing. */
    public String requiredText(String path) {
        if (at(path) == null) {
            problems.add("pack.json: " + path + " is missing");
            return "";
        }
        return text(path, "");
    }

    public int integer(String path, int fallback, int min) {
        JsonNode n = at(path);
        if (n == null) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min) {
            problems.add("pack.json: " + path + " must be an integer of at least " + min + ", was " + n);
            return fallback;
        }
        return n.asInt();
    }

    public boolean bool(String path, boolean fallback) {
        JsonNode n = at(path);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problems.add("pack.json: " + path + " must be true or false");
            return fallback;
        }
        return n.asBoolean();
    }

    public double number(String path, double fallback) {
        JsonNode n = at(path);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber()) {
            problems.add("pack.json: " + path + " must be a number");
            return fallback;
        }
        return n.asDouble();
    }

    public float[] floats(String path, float[] fallback, int length) {
        JsonNode n = at(path);
        if (n == null) {
            return fallback;
        }
        if (!n.isArray() || n.size() != length) {
            problems.add("pack.json: " + path + " must be an array of " + length + " numbers, was " + n);
            return fallback;
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            if (!n.get(i).isNumber()) {
                problems.add("pack.json: " + path + " must be an array of " + length + " numbers, was " + n);
                return fallback;
            }
            values[i] = (float) n.get(i).asDouble();
        }
        return values;
    }

    public List<String> texts(String path, List<String> fallback) {
        JsonNode n = at(path);
        if (n == null) {
            return fallback;
        }
        List<String> values = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode item : n) {
                if (!item.isTextual()) {
                    problems.add("pack.json: " + path + " must be an array of strings");
                    return fallback;
                }
                values.add(item.asText());
            }
            return values;
        }
        problems.add("pack.json: " + path + " must be an array of strings");
        return fallback;
    }

    private JsonNode at(String path) {
        JsonNode n = root;
        for (String part : Arrays.asList(path.split("\\."))) {
            n = n == null ? null : n.get(part);
        }
        return n == null || n.isNull() ? null : n;
    }
}
