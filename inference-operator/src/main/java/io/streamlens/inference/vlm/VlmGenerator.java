package io.streamlens.inference.vlm;

import ai.onnxruntime.OrtException;
import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import io.streamlens.inference.VisualTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Text from visual tokens: the prompt with one image token per visual token, embedded by
 * {@code embed_tokens}, the visual rows scattered into the image-token positions, a prefill with
 * an empty past, then one decoder step per token over the KV cache until a stop token or the
 * token limit.
 *
 * <p>Thread-safe: each call has its own cache and randomness; ONNX Runtime sessions take
 * concurrent runs.
 */
public final class VlmGenerator {

    /** A cap on instruction characters checked before tokenizing, so a 100 KB question costs nothing. */
    private static final int MAX_CHARS_PER_TOKEN = 16;

    private final VlmTokenizer tokenizer;
    private final PromptTemplate template;
    private final VlmSpec.PromptSpec prompt;
    private final TokenEmbedder embedder;
    private final Decoder decoder;
    private final long imageTokenId;
    private final Set<Long> stopIds;

    VlmGenerator(VlmTokenizer tokenizer, VlmSpec.PromptSpec prompt, TokenEmbedder embedder, Decoder decoder,
            long imageTokenId, Set<Long> stopIds) {
        this.tokenizer = tokenizer;
        this.template = new PromptTemplate(prompt);
        this.prompt = prompt;
        this.embedder = embedder;
        this.decoder = decoder;
        this.imageTokenId = imageTokenId;
        this.stopIds = Set.copyOf(stopIds);
    }

    long imageTokenId() {
        return imageTokenId;
    }

    int hidden() {
        return decoder.hidden();
    }

    public Generation generate(VisualTokens visual, GenerationOptions options, TokenListener listener) {
        if (visual.hidden() != decoder.hidden()) {
            throw new InferenceException(FailureReason.SHAPE_MISMATCH, "visual tokens have " + visual.hidden()
                    + " features, the decoder takes " + decoder.hidden());
        }
        long[] ids = promptIds(options.instruction(), visual.count());
        float[] embeds = embedPrompt(ids, visual);
        Random random = new Random(options.seed());
        List<Integer> generated = new ArrayList<>();
        List<Long> textIds = new ArrayList<>();
        String text = "";
        Generation.StopReason reason = Generation.StopReason.MAX_NEW_TOKENS;
        int steps = 0;
        try (KvCache cache = decoder.newCache()) {
            float[] logits = decoder.step(embeds, ids.length, cache);
            steps++;
            while (true) {
                int token = options.sampler().sample(logits, random);
                generated.add(token);
                boolean stop = options.stopAtStopTokens() && stopIds.contains((long) token);
                if (stop) {
                    reason = Generation.StopReason.STOP_TOKEN;
                    break;
                }
                textIds.add((long) token);
                String decoded = tokenizer.decode(textIds.stream().mapToLong(Long::longValue).toArray());
                // Byte-level vocabularies decode half a character as U+FFFD: report it once complete.
                if (!decoded.endsWith("\uFFFD") && decoded.startsWith(text)) {
                    listener.onToken(token, decoded.substring(text.length()));
                    text = decoded;
                } else {
                    listener.onToken(token, "");
                }
                if (generated.size() >= options.maxNewTokens()) {
                    break;
                }
                logits = decoder.step(embedder.embed(new long[] {token}), 1, cache);
                steps++;
            }
            String finalText = tokenizer.decode(textIds.stream().mapToLong(Long::longValue).toArray()).strip();
            return new Generation(finalText, generated, reason, ids.length, visual.count(), steps, cache.length());
        } catch (OrtException e) {
            throw new InferenceException(FailureReason.MODEL_FAILURE, "decoder: " + e.getMessage(), e);
        }
    }

    /** The token ids of the prompt for this many visual tokens; checks the pack's length limit. */
    long[] promptIds(String instruction, int visualTokens) {
        int limit = prompt.maxPromptTokens();
        if (visualTokens > limit || instruction.length() > (long) limit * MAX_CHARS_PER_TOKEN) {
            throw new InferenceException(FailureReason.PROMPT_TOO_LONG, visualTokens + " visual tokens and "
                    + instruction.length() + " instruction characters exceed the pack's " + limit + " prompt tokens");
        }
        long[] ids = tokenizer.encode(template.render(instruction, visualTokens));
        if (ids.length > limit) {
            throw new InferenceException(FailureReason.PROMPT_TOO_LONG,
                    "the prompt is " + ids.length + " tokens, the pack allows " + limit);
        }
        return ids;
    }

    private float[] embedPrompt(long[] ids, VisualTokens visual) {
        float[] embeds;
        try {
            embeds = embedder.embed(ids);
        } catch (OrtException e) {
            throw new InferenceException(FailureReason.MODEL_FAILURE, "embed_tokens: " + e.getMessage(), e);
        }
        int hidden = decoder.hidden();
        int[] slots = IntStream.range(0, ids.length).filter(i -> ids[i] == imageTokenId).toArray();
        if (slots.length != visual.count()) {
            throw new InferenceException(FailureReason.MODEL_FAILURE, "the prompt tokenized to " + slots.length
                    + " image tokens for " + visual.count() + " visual tokens");
        }
        for (int row = 0; row < slots.length; row++) {
            System.arraycopy(visual.values(), row * hidden, embeds, slots[row] * hidden, hidden);
        }
        return embeds;
    }
}
