package io.streamlens.inference.vlm;

/** Receives generated tokens as they come, e.g. to stream a caption while it is being written. */
@FunctionalInterface
public interface TokenListener {

    TokenListener NONE = (id, text) -> { };

    /**
     * @param tokenId the token just generated (stop tokens are not reported)
     * @param textDelta the text it adds to the caption; empty while a multi-byte character is
     *     still incomplete
     */
    void onToken(int tokenId, String textDelta);
}
