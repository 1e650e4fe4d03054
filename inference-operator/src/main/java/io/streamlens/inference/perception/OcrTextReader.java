package io.streamlens.inference.perception;

import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.analysis.FrameAnalyser;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.SampledFrame;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * On-screen text through the perception pack's OCR, with each stream's lines of its previous frame
 * remembered ({@link LineCache}): detection on every frame, recognition only of lines whose place
 * or pixels changed.
 */
public final class OcrTextReader implements FrameAnalyser.TextReader {
    /** Streams whose lines are remembered at once; beyond that the cache starts over. */
    static final int MAX_STREAMS = 10_000;

    private final PackHandle handle;
    private final LineCache lineCache = new LineCache(MAX_STREAMS);

    public OcrTextReader(PackHandle handle) {
        this.handle = handle;
    }

    @Override
    public CompletableFuture<List<OnScreenText>> read(String streamId, SampledFrame frame, RgbImage image) {
        PerceptionPack perception = handle.perception();
        return perception.findTextAsync(image).thenCompose(boxes -> {
            List<CompletableFuture<LineCache.Known>> lines = boxes.stream().map(box -> {
                byte[] print = LineCache.fingerprint(frame.rgb(), frame.width(), frame.height(), box);
                CompletableFuture<TextLine> line = lineCache.find(streamId, box, print)
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> perception.readLineAsync(image, box));
                return line.thenApply(l -> new LineCache.Known(l, print));
            }).toList();
            return CompletableFuture.allOf(lines.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<LineCache.Known> known = lines.stream().map(CompletableFuture::join).toList();
                lineCache.remember(streamId, known);
                List<TextLine> legible = known.stream().map(LineCache.Known::line).filter(l -> !l.text().isBlank()).toList();
                return toOnScreenText(LineLayout.readingOrder(legible, TextLine::box));
            });
        });
    }

    @Override
    public void forget(String streamId) {
        lineCache.forget(streamId);
    }

    static List<OnScreenText> toOnScreenText(List<TextLine> lines) {
        return lines.stream().map(l -> new OnScreenText(l.text(), l.box().x(), l.box().y(), l.box().width(),
                l.box().height(), l.confidence())).toList();
    }

    @Override
    public void close() {
        handle.close();
    }
}
