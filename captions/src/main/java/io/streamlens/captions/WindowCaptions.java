package io.streamlens.captions;

import io.streamlens.records.Caption;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.Durations;
import java.util.Optional;

/**
 * Addresses what a captioner says about a stream's closed window as that stream's caption. A
 * captioner that fails on one window (a model error, or a window whose frames the vision encoder
 * never saw) must not stop the job, which would replay the same segments and fail again: the
 * window gets its perception caption, the failure goes into its evidence, and a
 * {@code model-failure} dead letter names the stream and the window. Plain Java.
 */
public final class WindowCaptions {
    private final WindowCaptioner captioner;

    public WindowCaptions(WindowCaptioner captioner) {
        this.captioner = captioner;
    }

    /** A window's caption and, when the captioner failed on it, the dead letter that says so. */
    public record Captioned(CaptionedWindow window, Optional<DeadLetter> failure) {
    }

    public Captioned caption(String streamId, String source, StreamWindows.Window window) {
        long startMs = window.startUs() / 1000;
        long endMs = window.endUs() / 1000;
        String captionId = Caption.idOf(streamId, startMs);
        CaptionDraft draft;
        try {
            draft = captioner.caption(window);
        } catch (Exception e) {
            String why = captioner.model() + " could not caption this window: " + rootMessage(e);
            PerceptionCaption.Draft fallback = PerceptionCaption.compose(window);
            Caption caption = new Caption(streamId, captionId, startMs, endMs, fallback.text(), source,
                    fallback.evidence().withModelFailure(why), new Caption.TokenCounts(0, 0), PerceptionCaptioner.MODEL);
            DeadLetter letter = DeadLetter.of(streamId, -1, source, DeadLetterReason.MODEL_FAILURE,
                    "window " + captionId + " (" + Durations.clock(startMs) + "–" + Durations.clock(endMs)
                            + "): " + why + "; it has the perception caption instead");
            return new Captioned(CaptionedWindow.textOnly(caption), Optional.of(letter));
        }
        Caption caption = new Caption(streamId, captionId, startMs, endMs, draft.text(), source, draft.evidence(),
                draft.visualTokens(), captioner.model());
        return new Captioned(new CaptionedWindow(caption, draft.count(), draft.dim(), draft.tokens()), Optional.empty());
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
