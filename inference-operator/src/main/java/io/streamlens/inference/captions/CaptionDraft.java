package io.streamlens.inference.captions;

import io.streamlens.records.Caption;

/** What a captioner says about one window, before it is addressed as a {@link Caption}. */
public record CaptionDraft(String text, Caption.Evidence evidence, Caption.TokenCounts visualTokens) {
}
