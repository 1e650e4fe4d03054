package io.streamlens.inference.vlm;

import io.streamlens.inference.FailureReason;
import io.streamlens.inference.InferenceException;
import java.util.Objects;

/**
 * How to generate one answer. Start from {@link VlmPack#generationDefaults()}, which carries the
 * pack's instruction and limits, and change what differs:
 *
 * <pre>{@code
 * vlm.generationDefaults().withInstruction("What is written on the sign?").withMaxNewTokens(32)
 * }</pre>
 *
 * @param instruction the text put in the prompt template's {@code {instruction}} slot; not blank
 * @param maxNewTokens the most tokens to generate, at least 1
 * @param sampler how each token is picked; greedy by default
 * @param seed seeds the sampler's randomness, so a sampled run can be repeated
 * @param stopAtStopTokens whether the pack's stop tokens end generation (turned off only to probe
 *     a model's behaviour past them)
 */
public record GenerationOptions(String instruction, int maxNewTokens, Sampler sampler, long seed, boolean stopAtStopTokens) {

    public GenerationOptions {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(sampler, "sampler");
        if (instruction.isBlank()) {
            throw new InferenceException(FailureReason.EMPTY_PROMPT, "the instruction has no text");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, was " + maxNewTokens);
        }
    }

    public GenerationOptions withInstruction(String text) {
        return new GenerationOptions(text, maxNewTokens, sampler, seed, stopAtStopTokens);
    }

    public GenerationOptions withMaxNewTokens(int n) {
        return new GenerationOptions(instruction, n, sampler, seed, stopAtStopTokens);
    }

    public GenerationOptions withSampler(Sampler s) {
        return new GenerationOptions(instruction, maxNewTokens, s, seed, stopAtStopTokens);
    }

    public GenerationOptions withSeed(long s) {
        return new GenerationOptions(instruction, maxNewTokens, sampler, s, stopAtStopTokens);
    }

    public GenerationOptions ignoringStopTokens() {
        return new GenerationOptions(instruction, maxNewTokens, sampler, seed, false);
    }
}
