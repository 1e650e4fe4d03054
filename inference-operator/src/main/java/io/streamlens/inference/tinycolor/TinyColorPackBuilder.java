package io.streamlens.inference.tinycolor;

import static io.streamlens.inference.onnx.OnnxModelBuilder.Attribute.integer;
import static io.streamlens.inference.onnx.OnnxModelBuilder.Attribute.ints;
import static io.streamlens.inference.onnx.OnnxModelBuilder.ElementType.FLOAT;
import static io.streamlens.inference.onnx.OnnxModelBuilder.ElementType.INT64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.streamlens.inference.onnx.OnnxModelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code tiny-color}, a complete {@code vlm} pack whose weights are set by hand: it names
 * the dominant colour of the visual tokens it is given (red, green, blue, yellow, white or black)
 * and then ends. Every interface of the public layout is real and in use, so tests drive the whole
 * VLM path through ONNX Runtime with an answer known in advance.
 *
 * <ul>
 *   <li>{@code vision_encoder.onnx}: {@code pixel_values [batch, 3, 32, 32]} (normalised with mean =
 *       std = 0.5, as SmolVLM's) → {@code image_features [batch, 16, 16]}: an 8×8 average pool gives
 *       a 4×4 grid of tokens whose features are the patch's mean R, G, B in [0, 1] and a
 *       "visual" flag of 1.</li>
 *   <li>{@code embed_tokens.onnx}: a lookup table; colour words carry an "answered" flag.</li>
 *   <li>{@code decoder_model_merged.onnx}: two attention layers with two KV heads of four dims each,
 *       a causal mask built from {@code attention_mask} and {@code position_ids}, and
 *       {@code past_key_values.N.*} concatenated in front of the new keys and values.
 *       Layer 0 averages the colour of all visual tokens in view (keys push text tokens out of the
 *       softmax); layer 1 looks for an earlier colour word. The logits score each colour by negative
 *       squared distance to its prototype (which is linear in the mean colour once the common
 *       {@code |c|²} term is dropped) unless a colour word was already said, in which case
 *       {@code <|endoftext|>} wins. From the second step on that colour word sits in the cache, so
 *       the answer depends on the cache being fed back.</li>
 *   <li>{@code tokenizer.json}: a WordLevel vocabulary with a whitespace pre-tokenizer; the chat
 *       markers are added special tokens.</li>
 * </ul>
 *
 * <p>The second attention head of each layer is idle (zero weights) so that the KV head dimension
 * is not 1 and a mix-up of cache axes shows. A colour word inside the instruction itself would
 * end the answer at once; the pack's own instruction has none.
 *
 * <p>Run {@code main} with the target folder to regenerate the committed files; a test checks that
 * they match this class byte for byte.
 */
public final class TinyColorPackBuilder {

    public static final List<String> COLOURS = List.of("red", "green", "blue", "yellow", "white", "black");

    /** Prototype RGB of each colour in {@link #COLOURS}, in [0, 1]. */
    static final float[][] PROTOTYPES = {
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {1, 1, 1}, {0, 0, 0},
    };

    static final List<String> VOCABULARY = List.of(
            "<|endoftext|>", "<|im_start|>", "<image>", "<end_of_utterance>", "<unk>",
            "red", "green", "blue", "yellow", "white", "black",
            "User", ":", "What", "colour", "is", "this", "?", "Assistant");
    static final List<String> SPECIAL = List.of("<|endoftext|>", "<|im_start|>", "<image>", "<end_of_utterance>");

    static final int OPSET = 17;
    static final int IMAGE_SIZE = 32;
    static final int POOL = 8;
    static final int TOKENS_PER_IMAGE = (IMAGE_SIZE / POOL) * (IMAGE_SIZE / POOL);
    static final int HIDDEN = 16;
    static final int LAYERS = 2;
    static final int KV_HEADS = 2;
    static final int HEAD_DIM = 4;

    // Residual stream layout.
    private static final int RED = 0;
    private static final int VISUAL = 3;
    private static final int ANSWERED = 4;
    private static final int MEAN_RED = 5;
    private static final int SAID_COLOUR = 8;

    /** Softmax logit gap that makes attention all-or-nothing. */
    private static final float SHARP = 30f;
    /** Logit weight of "a colour was already said": outweighs any colour score (|score| ≤ 3). */
    private static final float DONE = 20f;
    private static final float UNUSED_TOKEN_LOGIT = -30f;
    /** Subtracted from the scores of positions a query may not see. */
    private static final float MASK_PENALTY = 1e4f;

    private TinyColorPackBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "inference-operator/src/main/resources/packs/tiny-color");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
            System.out.println(dir.resolve(file.getKey()) + " " + file.getValue().length + " bytes");
        }
    }

    /** Every file of the pack by name. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pack.json", packJson());
        files.put("tokenizer.json", tokenizerJson());
        files.put("vision_encoder.onnx", visionEncoder());
        files.put("embed_tokens.onnx", embedTokens());
        files.put("decoder_model_merged.onnx", decoder());
        return files;
    }

    static byte[] visionEncoder() {
        float[] projection = new float[3 * HIDDEN];
        float[] bias = new float[HIDDEN];
        for (int c = 0; c < 3; c++) {
            // undo the mean = std = 0.5 normalisation: colour = 0.5 * x + 0.5
            projection[c * HIDDEN + RED + c] = 0.5f;
            bias[RED + c] = 0.5f;
        }
        bias[VISUAL] = 1f;
        OnnxModelBuilder b = new OnnxModelBuilder("tiny_color_vision_encoder", OPSET)
                .doc("Average-pools 8x8 patches into 16 visual tokens: mean R, G, B in [0, 1] and a visual flag.");
        b.input("pixel_values", FLOAT, "batch", 3, IMAGE_SIZE, IMAGE_SIZE);
        b.initializer("patch_shape", new long[] {0, 3, -1}, 3);
        b.initializer("projection", projection, 3, HIDDEN);
        b.initializer("projection_bias", bias, HIDDEN);
        b.node("AveragePool", List.of("pixel_values"), "pooled", ints("kernel_shape", POOL, POOL), ints("strides", POOL, POOL));
        b.node("Reshape", List.of("pooled", "patch_shape"), "channels_by_patch");
        b.node("Transpose", List.of("channels_by_patch"), "patches", ints("perm", 0, 2, 1));
        b.node("MatMul", List.of("patches", "projection"), "projected");
        b.node("Add", List.of("projected", "projection_bias"), "image_features");
        b.output("image_features", FLOAT, "batch", TOKENS_PER_IMAGE, HIDDEN);
        return b.build();
    }

    static byte[] embedTokens() {
        float[] table = new float[VOCABULARY.size() * HIDDEN];
        for (String colour : COLOURS) {
            table[VOCABULARY.indexOf(colour) * HIDDEN + ANSWERED] = 1f;
        }
        OnnxModelBuilder b = new OnnxModelBuilder("tiny_color_embed_tokens", OPSET)
                .doc("Token embeddings: colour words carry the 'answered' flag, all else is zero.");
        b.input("input_ids", INT64, "batch", "sequence");
        b.initializer("embedding_table", table, VOCABULARY.size(), HIDDEN);
        b.node("Gather", List.of("embedding_table", "input_ids"), "inputs_embeds", integer("axis", 0));
        b.output("inputs_embeds", FLOAT, "batch", "sequence", HIDDEN);
        return b.build();
    }

    static byte[] decoder() {
        OnnxModelBuilder b = new OnnxModelBuilder("tiny_color_decoder", OPSET)
                .doc("Two attention layers over a KV cache: mean visual colour, then 'was a colour said'.");
        b.input("inputs_embeds", FLOAT, "batch", "sequence", HIDDEN);
        b.input("attention_mask", INT64, "batch", "total_sequence");
        b.input("position_ids", INT64, "batch", "sequence");
        for (int l = 0; l < LAYERS; l++) {
            b.input("past_key_values." + l + ".key", FLOAT, "batch", KV_HEADS, "past_sequence", HEAD_DIM);
            b.input("past_key_values." + l + ".value", FLOAT, "batch", KV_HEADS, "past_sequence", HEAD_DIM);
        }
        b.initializer("one_i", new long[] {1}, 1);
        b.initializer("axis_1", new long[] {1}, 1);
        b.initializer("axis_2", new long[] {2}, 1);
        b.initializer("one_f", new float[] {1f}, 1);
        b.initializer("mask_penalty", new float[] {MASK_PENALTY}, 1);
        b.initializer("heads_shape", new long[] {0, 0, KV_HEADS, HEAD_DIM}, 4);
        b.initializer("merged_shape", new long[] {0, 0, KV_HEADS * HEAD_DIM}, 3);

        // Attention bias [b, 1, seq, total]: 0 where a query may look, -1e4 elsewhere. A key's position
        // is the running count of real tokens before it (cumsum of the mask - 1), the same rule by
        // which the caller numbers position_ids, so padding and the cache line up.
        b.node("CumSum", List.of("attention_mask", "axis_1"), "key_count");
        b.node("Sub", List.of("key_count", "one_i"), "key_positions");
        b.node("Unsqueeze", List.of("position_ids", "axis_2"), "query_positions_col");
        b.node("Unsqueeze", List.of("key_positions", "axis_1"), "key_positions_row");
        b.node("LessOrEqual", List.of("key_positions_row", "query_positions_col"), "causal");
        b.node("Cast", List.of("causal"), "causal_f", integer("to", 1));
        b.node("Cast", List.of("attention_mask"), "mask_f", integer("to", 1));
        b.node("Unsqueeze", List.of("mask_f", "axis_1"), "mask_row");
        b.node("Mul", List.of("causal_f", "mask_row"), "allowed");
        b.node("Sub", List.of("allowed", "one_f"), "blocked");
        b.node("Mul", List.of("blocked", "mask_penalty"), "bias_3d");
        b.node("Unsqueeze", List.of("bias_3d", "axis_1"), "attention_bias");

        String x = "inputs_embeds";
        for (int l = 0; l < LAYERS; l++) {
            x = attentionLayer(b, l, x);
        }

        float[] lmHead = new float[HIDDEN * VOCABULARY.size()];
        float[] lmBias = new float[VOCABULARY.size()];
        Arrays.fill(lmBias, UNUSED_TOKEN_LOGIT);
        int vocab = VOCABULARY.size();
        for (int k = 0; k < COLOURS.size(); k++) {
            int id = VOCABULARY.indexOf(COLOURS.get(k));
            float squaredNorm = 0;
            for (int c = 0; c < 3; c++) {
                lmHead[(MEAN_RED + c) * vocab + id] = 2 * PROTOTYPES[k][c];
                squaredNorm += PROTOTYPES[k][c] * PROTOTYPES[k][c];
            }
            lmHead[SAID_COLOUR * vocab + id] = -DONE;
            lmBias[id] = -squaredNorm;
        }
        int end = VOCABULARY.indexOf("<|endoftext|>");
        lmHead[SAID_COLOUR * vocab + end] = DONE;
        lmBias[end] = -DONE / 2;
        b.initializer("lm_head", lmHead, HIDDEN, vocab);
        b.initializer("lm_head_bias", lmBias, vocab);
        b.node("MatMul", List.of(x, "lm_head"), "logits_unbiased");
        b.node("Add", List.of("logits_unbiased", "lm_head_bias"), "logits");

        b.output("logits", FLOAT, "batch", "sequence", vocab);
        for (int l = 0; l < LAYERS; l++) {
            b.output("present." + l + ".key", FLOAT, "batch", KV_HEADS, "total_sequence", HEAD_DIM);
            b.output("present." + l + ".value", FLOAT, "batch", KV_HEADS, "total_sequence", HEAD_DIM);
        }
        return b.build();
    }

    /**
     * One attention layer reading a feature of the residual stream: head 0's query is the constant
     * [1, 0, 0, 0], so its scores are the first key dimension. Returns the layer's output name.
     */
    private static String attentionLayer(OnnxModelBuilder b, int layer, String x) {
        int width = KV_HEADS * HEAD_DIM;
        float[] wq = new float[HIDDEN * width];
        float[] bq = new float[width];
        float[] wk = new float[HIDDEN * width];
        float[] bk = new float[width];
        float[] wv = new float[HIDDEN * width];
        float[] bv = new float[width];
        float[] wo = new float[width * HIDDEN];
        bq[0] = 1f;
        if (layer == 0) {
            // key = SHARP * (visual - 1): 0 for visual tokens, -SHARP for text, so text drops out.
            wk[VISUAL * width] = SHARP;
            bk[0] = -SHARP;
            for (int c = 0; c < 3; c++) {
                wv[(RED + c) * width + c] = 1f;
                wo[c * HIDDEN + MEAN_RED + c] = 1f;
            }
        } else {
            // key = SHARP * answered: a colour word in view takes all the attention, value 1.
            wk[ANSWERED * width] = SHARP;
            wv[ANSWERED * width] = 1f;
            wo[SAID_COLOUR] = 1f;
        }
        String p = "layer" + layer + "_";
        b.initializer(p + "wq", wq, HIDDEN, width).initializer(p + "bq", bq, width);
        b.initializer(p + "wk", wk, HIDDEN, width).initializer(p + "bk", bk, width);
        b.initializer(p + "wv", wv, HIDDEN, width).initializer(p + "bv", bv, width);
        b.initializer(p + "wo", wo, width, HIDDEN);
        for (String t : List.of("q", "k", "v")) {
            b.node("MatMul", List.of(x, p + "w" + t), p + t + "_mm");
            b.node("Add", List.of(p + t + "_mm", p + "b" + t), p + t + "_flat");
            b.node("Reshape", List.of(p + t + "_flat", "heads_shape"), p + t + "_split");
            b.node("Transpose", List.of(p + t + "_split"), p + t, ints("perm", 0, 2, 1, 3));
        }
        String presentKey = "present." + layer + ".key";
        String presentValue = "present." + layer + ".value";
        b.node("Concat", List.of("past_key_values." + layer + ".key", p + "k"), presentKey, integer("axis", 2));
        b.node("Concat", List.of("past_key_values." + layer + ".value", p + "v"), presentValue, integer("axis", 2));
        b.node("Transpose", List.of(presentKey), p + "k_t", ints("perm", 0, 1, 3, 2));
        b.node("MatMul", List.of(p + "q", p + "k_t"), p + "scores");
        b.node("Add", List.of(p + "scores", "attention_bias"), p + "masked_scores");
        b.node("Softmax", List.of(p + "masked_scores"), p + "weights", integer("axis", -1));
        b.node("MatMul", List.of(p + "weights", presentValue), p + "context");
        b.node("Transpose", List.of(p + "context"), p + "context_t", ints("perm", 0, 2, 1, 3));
        b.node("Reshape", List.of(p + "context_t", "merged_shape"), p + "context_flat");
        b.node("MatMul", List.of(p + "context_flat", p + "wo"), p + "update");
        String out = p + "out";
        b.node("Add", List.of(x, p + "update"), out);
        return out;
    }

    static byte[] tokenizerJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("truncation", null);
        json.put("padding", null);
        List<Map<String, Object>> added = SPECIAL.stream().map(token -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", VOCABULARY.indexOf(token));
            t.put("content", token);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
            return t;
        }).toList();
        json.put("added_tokens", added);
        json.put("normalizer", null);
        json.put("pre_tokenizer", Map.of("type", "Whitespace"));
        json.put("post_processor", null);
        json.put("decoder", null);
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < VOCABULARY.size(); i++) {
            vocab.put(VOCABULARY.get(i), i);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "WordLevel");
        model.put("vocab", vocab);
        model.put("unk_token", "<unk>");
        json.put("model", model);
        return toJson(json);
    }

    static byte[] packJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", "tiny-color");
        json.put("kind", "vlm");
        json.put("description", "Hand-built test pack: names the dominant colour of its visual tokens.");
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("visionEncoder", "vision_encoder.onnx");
        files.put("embedTokens", "embed_tokens.onnx");
        files.put("decoder", "decoder_model_merged.onnx");
        files.put("tokenizer", "tokenizer.json");
        json.put("files", files);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("width", IMAGE_SIZE);
        image.put("height", IMAGE_SIZE);
        image.put("rescale", 1.0 / 255);
        image.put("mean", List.of(0.5, 0.5, 0.5));
        image.put("std", List.of(0.5, 0.5, 0.5));
        json.put("image", image);
        Map<String, Object> prompt = new LinkedHashMap<>();
        prompt.put("template", "<|im_start|>User:<image>{instruction}<end_of_utterance>\nAssistant:");
        prompt.put("instruction", "What colour is this?");
        prompt.put("imagePlaceholder", "<image>");
        prompt.put("imageToken", "<image>");
        prompt.put("maxPromptTokens", 512);
        json.put("prompt", prompt);
        // Its 4x4 grid of colour tokens has no pixel-shuffle connector to feed a second time.
        json.put("compression", List.of("pool", "temporal", "merge", "budget"));
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("stopTokens", List.of("<|endoftext|>", "<end_of_utterance>"));
        generation.put("maxNewTokens", 8);
        json.put("generation", generation);
        return toJson(json);
    }

    private static byte[] toJson(Object value) {
        try {
            String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
            return (text.replace("\r\n", "\n") + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
