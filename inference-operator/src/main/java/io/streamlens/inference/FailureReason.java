package io.streamlens.inference;

/**
 * Why one inference request failed. The codes are short and stable so that the job can put them
 * into a dead-letter record's {@code reason} as they are.
 */
public enum FailureReason {
    /** The image is smaller than the smallest input a model can read anything from. */
    IMAGE_TOO_SMALL("image-too-small"),
    /** The image is larger than any frame the pipeline handles (see {@link RgbImage#MAX_SIDE}). */
    IMAGE_TOO_LARGE("image-too-large"),
    /** The pixel buffer does not match the stated width and height. */
    INVALID_IMAGE("invalid-image"),
    /** A tensor handed in holds NaN or infinite values. */
    NON_FINITE_INPUT("non-finite-input"),
    /** A tensor handed in has a shape the model cannot take (e.g. the wrong hidden size). */
    SHAPE_MISMATCH("shape-mismatch"),
    /** An instruction or prompt with no text in it. */
    EMPTY_PROMPT("empty-prompt"),
    /** A prompt longer than the model pack allows. */
    PROMPT_TOO_LONG("prompt-too-long"),
    /** A text to embed with nothing in it. */
    EMPTY_TEXT("empty-text"),
    /** A text to embed longer than the embedder accepts. */
    TEXT_TOO_LONG("text-too-long"),
    /** The model pack is missing, incomplete or does not match its description. */
    INVALID_MODEL_PACK("invalid-model-pack"),
    /** The batcher's queue is full; the caller should slow down and retry. */
    OVERLOADED("overloaded"),
    /** The model or the batcher was closed while the request was waiting. */
    CLOSED("closed"),
    /** ONNX Runtime rejected or failed the call; the detail carries its message. */
    MODEL_FAILURE("model-failure");

    private final String code;

    FailureReason(String code) {
        this.code = code;
    }

    /** The dead-letter reason code, e.g. {@code image-too-small}. */
    public String code() {
        return code;
    }
}
