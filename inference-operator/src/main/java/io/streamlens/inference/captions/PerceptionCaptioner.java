package io.streamlens.inference.captions;

import io.streamlens.records.Caption;

/** Captions from what the perception models read per frame; no model runs at window time. */
public final class PerceptionCaptioner implements WindowCaptioner {
    @Override
    public CaptionDraft caption(StreamWindows.Window window) {
        PerceptionCaption.Draft draft = PerceptionCaption.compose(window);
        return new CaptionDraft(draft.text(), draft.evidence(), new Caption.TokenCounts(0, 0));
    }

    @Override
    public String model() {
        return "perception";
    }
}
