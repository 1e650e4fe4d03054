package io.streamlens.captions;

import io.streamlens.records.Caption;

/**
 * What a captioner says about one window, before it is addressed as a {@link Caption}, with the
 * compressed visual tokens it looked at ({@code count × dim}; none for text-only packs).
 */
public record CaptionDraft(String text, Caption.Evidence evidence, Caption.TokenCounts visualTokens,
                           int count, int dim, float[] tokens) {

    public static CaptionDraft textOnly(String text, Caption.Evidence evidence) {
        return new CaptionDraft(text, evidence, new Caption.TokenCounts(0, 0), 0, 0, new float[0]);
    }
}
