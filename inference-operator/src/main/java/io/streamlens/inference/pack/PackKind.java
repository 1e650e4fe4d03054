package io.streamlens.inference.pack;

import java.util.Locale;
import java.util.Optional;

/** What a pack holds, as {@code pack.json}'s {@code kind} names it. */
public enum PackKind {
    /** A vision-language model in the public three-session ONNX layout. */
    VLM,
    /** Pretrained OCR and sentence-embedding models. */
    PERCEPTION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PackKind> parse(String code) {
        for (PackKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
