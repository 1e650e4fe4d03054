package io.streamlens.inference.vlm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.streamlens.inference.runtime.NativeLibraryDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A pack's {@code tokenizer.json} through DJL's Hugging Face tokenizers (native code that ships in
 * its jar). Truncation and padding are off: prompt length is checked against the pack's limit
 * instead of being cut silently.
 */
final class VlmTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final boolean addSpecialTokens;

    private VlmTokenizer(HuggingFaceTokenizer tokenizer, boolean addSpecialTokens) {
        this.tokenizer = tokenizer;
        this.addSpecialTokens = addSpecialTokens;
    }

    static VlmTokenizer load(byte[] json, boolean addSpecialTokens) throws IOException {
        Map<String, String> options = Map.of(
                "addSpecialTokens", Boolean.toString(addSpecialTokens),
                "truncation", "false",
                "padding", "false");
        NativeLibraryDirs.isolateDjl();
        return new VlmTokenizer(HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options), addSpecialTokens);
    }

    long[] encode(String text) {
        return tokenizer.encode(text, addSpecialTokens, false).getIds();
    }

    /** Text of generated ids, special tokens left out. */
    String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    /** The id of a token that the vocabulary holds as one piece (e.g. {@code <image>}), if it does. */
    OptionalLong idOf(String token) {
        long[] ids = tokenizer.encode(token, false, false).getIds();
        if (ids.length == 1 && tokenizer.decode(ids, false).equals(token)) {
            return OptionalLong.of(ids[0]);
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
