package io.streamlens.inference.vlm;

import io.streamlens.inference.pack.Manifest;
import io.streamlens.inference.runtime.Normalization;
import java.util.List;

/**
 * The {@code vlm} part of {@code pack.json}.
 *
 * @param visionEncoder file of the vision encoder session
 * @param embedTokens file of the token embedding session
 * @param decoder file of the merged decoder session
 * @param tokenizer file of the Hugging Face {@code tokenizer.json}
 * @param image how frames become {@code pixel_values}
 * @param prompt the prompt template and its image placeholder
 * @param stopTokens tokens that end generation
 * @param maxNewTokens default cap on generated tokens
 * @param compression the token compression operations the pack's projector accepts (a pack whose
 *     encoder already pixel-shuffles lists no {@code shuffle}); all of them when not given
 */
public record VlmSpec(String visionEncoder, String embedTokens, String decoder, String tokenizer,
        ImageSpec image, PromptSpec prompt, List<String> stopTokens, int maxNewTokens, List<String> compression) {

    static final List<String> ALL_COMPRESSION = List.of("pool", "shuffle", "temporal", "merge", "budget");

    /** The image preprocessing: resize to {@code width × height}, then normalise. */
    public record ImageSpec(int width, int height, Normalization normalization) {
    }

    /**
     * @param template the whole prompt, holding {@code imagePlaceholder} once and optionally
     *     {@code {instruction}}
     * @param instruction the default instruction put in place of {@code {instruction}}
     * @param imagePlaceholder where the visual tokens go in {@code template}
     * @param imageToken the token repeated once per visual token (SmolVLM: {@code <image>})
     * @param imagePrefix text before the run of image tokens (SmolVLM:
     *     {@code <fake_token_around_image><global-img>})
     * @param imageSuffix text after it (SmolVLM: {@code <fake_token_around_image>})
     * @param addSpecialTokens whether the tokenizer's post-processor adds its own markers
     * @param maxPromptTokens longest prompt accepted, image tokens included
     */
    public record PromptSpec(String template, String instruction, String imagePlaceholder, String imageToken,
            String imagePrefix, String imageSuffix, boolean addSpecialTokens, int maxPromptTokens) {

        public static final String INSTRUCTION_SLOT = "{instruction}";
    }

    static final float[] HALF = {0.5f, 0.5f, 0.5f};

    /** Reads the spec; missing or malformed values are noted as problems on the manifest. */
    public static VlmSpec read(Manifest m) {
        int width = m.integer("image.width", 0, 1);
        int height = m.integer("image.height", 0, 1);
        if (width == 0 || height == 0) {
            m.problems().add("pack.json: image.width and image.height are required (the vision encoder's input size)");
        }
        float rescale = (float) m.number("image.rescale", 1.0 / 255);
        float[] mean = m.floats("image.mean", HALF, 3);
        float[] std = m.floats("image.std", HALF, 3);
        Normalization normalization;
        try {
            normalization = new Normalization(rescale, mean, std, false);
        } catch (IllegalArgumentException e) {
            m.problems().add("pack.json: image: " + e.getMessage());
            normalization = new Normalization(rescale, HALF, HALF, false);
        }
        String placeholder = m.text("prompt.imagePlaceholder", "<image>");
        PromptSpec prompt = new PromptSpec(
                m.requiredText("prompt.template"),
                m.text("prompt.instruction", ""),
                placeholder,
                m.text("prompt.imageToken", placeholder),
                m.text("prompt.imagePrefix", ""),
                m.text("prompt.imageSuffix", ""),
                m.bool("prompt.addSpecialTokens", false),
                m.integer("prompt.maxPromptTokens", 2048, 1));
        int occurrences = count(prompt.template(), placeholder);
        if (!prompt.template().isEmpty() && occurrences != 1) {
            m.problems().add("pack.json: prompt.template must hold the image placeholder '" + placeholder
                    + "' exactly once, holds it " + occurrences + " times");
        }
        List<String> stops = m.texts("generation.stopTokens", List.of());
        if (stops.isEmpty()) {
            m.problems().add("pack.json: generation.stopTokens must name at least one token");
        }
        return new VlmSpec(
                m.text("files.visionEncoder", "vision_encoder.onnx"),
                m.text("files.embedTokens", "embed_tokens.onnx"),
                m.text("files.decoder", "decoder_model_merged.onnx"),
                m.text("files.tokenizer", "tokenizer.json"),
                new ImageSpec(Math.max(width, 1), Math.max(height, 1), normalization),
                prompt,
                stops,
                m.integer("generation.maxNewTokens", 64, 1),
                m.texts("compression", ALL_COMPRESSION));
    }

    private static int count(String text, String part) {
        if (part.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
