package io.streamlens.inference.vlm;

import io.streamlens.captions.CaptionDraft;
import io.streamlens.captions.PerceptionCaption;
import io.streamlens.captions.StreamWindows;
import io.streamlens.captions.WindowCaptioner;
import io.streamlens.compression.CompressionChain;
import io.streamlens.compression.KeptTokens;
import io.streamlens.compression.TokenGrid;
import io.streamlens.compression.TokenWindow;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.VisualTokens;
import io.streamlens.records.Caption;
import io.streamlens.records.FrameAnalysis;
import java.util.List;

/**
 * Captions a window with a {@code vlm} pack: the window's visual tokens, compressed by the
 * configured chain, are placed into the pack's prompt and the language model writes the caption.
 * The on-screen text read by the perception models goes into the evidence.
 */
public final class VlmCaptioner implements WindowCaptioner {
    private final PackHandle handle;
    private final VlmPack vlm;
    private final CompressionChain chain;

    public VlmCaptioner(PackHandle handle, CompressionChain chain) {
        this.handle = handle;
        this.vlm = handle.vlm();
        this.chain = chain.validateFor(vlm.compressionOperations());
    }

    @Override
    public CaptionDraft caption(StreamWindows.Window window) {
        Caption.Evidence evidence = PerceptionCaption.compose(window).evidence();
        List<TokenGrid> grids = window.frames().stream().filter(f -> f.tokenCount() > 0).map(VlmCaptioner::grid).toList();
        if (grids.isEmpty()) {
            throw new IllegalStateException("the window's frames carry no visual tokens for the vlm pack");
        }
        KeptTokens kept = chain.compress(
                new TokenWindow("window", window.startUs() / 1000, window.endUs() / 1000, grids));
        Generation generation = vlm.caption(new VisualTokens(kept.keptTokens(), kept.dim(), kept.values()));
        return new CaptionDraft(generation.text().trim(), evidence, new Caption.TokenCounts(kept.rawTokens(), kept.keptTokens()),
                kept.keptTokens(), kept.dim(), kept.values());
    }

    static TokenGrid grid(FrameAnalysis frame) {
        return new TokenGrid(frame.ptsUs(), frame.novelty(), frame.rows(), frame.cols(), frame.dim(), frame.tokens());
    }

    @Override
    public String model() {
        return vlm.name();
    }

    @Override
    public void close() {
        handle.close();
    }
}
