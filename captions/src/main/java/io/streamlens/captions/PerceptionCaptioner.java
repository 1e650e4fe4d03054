package io.streamlens.captions;

/** Captions from what the perception models read per frame; no model runs at window time. */
public final class PerceptionCaptioner implements WindowCaptioner {
    public static final String MODEL = "perception";

    @Override
    public CaptionDraft caption(StreamWindows.Window window) {
        PerceptionCaption.Draft draft = PerceptionCaption.compose(window);
        return CaptionDraft.textOnly(draft.text(), draft.evidence());
    }

    @Override
    public String model() {
        return MODEL;
    }
}
