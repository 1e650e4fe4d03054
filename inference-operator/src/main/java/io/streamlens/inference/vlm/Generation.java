package io.streamlens.inference.vlm;

import java.util.List;
import java.util.Objects;

/**
 * What one generation produced.
 *
 * @param text the generated tokens decoded, special tokens left out, trimmed
 * @param tokenIds every generated token, a final stop token included
 * @param stopReason why generation ended
 * @param promptTokens prompt length in tokens, image tokens included
 * @param visualTokens how many visual tokens were placed into the prompt
 * @param decoderSteps decoder calls: the prefill and one per further token
 * @param cacheLength positions in the KV cache after the last call
 */
public record Generation(String text, List<Integer> tokenIds, StopReason stopReason, int promptTokens,
        int visualTokens, int decoderSteps, int cacheLength) {

    /** Why generation ended. */
    public enum StopReason {
        /** The model produced one of the pack's stop tokens. */
        STOP_TOKEN,
        /** The token limit was reached first. */
        MAX_NEW_TOKENS
    }

    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stopReason, "stopReason");
        tokenIds = List.copyOf(tokenIds);
    }
}
