package io.streamlens.inference.perception;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.perception.TextBox;
import io.streamlens.inference.perception.TextLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineCacheTest {
    static final int W = 200;
    static final int H = 100;

    /** A grey frame with a bar of the given brightness standing in for a line of text. */
    static byte[] frame(int x, int y, int value) {
        byte[] rgb = new byte[W * H * 3];
        java.util.Arrays.fill(rgb, (byte) 60);
        for (int yy = y; yy < y + 20; yy++) {
            for (int xx = x; xx < x + 80; xx++) {
                int i = (yy * W + xx) * 3;
                rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) value;
            }
        }
        return rgb;
    }

    @Test
    void theSameLineInTheSamePlaceIsNotReadAgain() {
        LineCache cache = new LineCache(10);
        TextBox box = new TextBox(10, 10, 80, 20);
        byte[] first = LineCache.fingerprint(frame(10, 10, 250), W, H, box);
        cache.remember("cam", List.of(new LineCache.Known(new TextLine("GATE 7", box, 0.95f), first)));

        TextBox again = new TextBox(11, 10, 80, 20);
        byte[] second = LineCache.fingerprint(frame(10, 10, 250), W, H, again);
        assertThat(cache.find("cam", again, second)).hasValueSatisfying(l -> {
            assertThat(l.text()).isEqualTo("GATE 7");
            assertThat(l.box()).isEqualTo(again);
        });
    }

    @Test
    void changedPixelsMovedBoxesAndOtherStreamsAreReadAfresh() {
        LineCache cache = new LineCache(10);
        TextBox box = new TextBox(10, 10, 80, 20);
        cache.remember("cam", List.of(new LineCache.Known(new TextLine("GATE 7", box, 0.95f),
                LineCache.fingerprint(frame(10, 10, 250), W, H, box))));

        assertThat(cache.find("cam", box, LineCache.fingerprint(frame(10, 10, 120), W, H, box))).isEmpty();
        TextBox moved = new TextBox(100, 60, 80, 20);
        assertThat(cache.find("cam", moved, LineCache.fingerprint(frame(100, 60, 250), W, H, moved))).isEmpty();
        assertThat(cache.find("other", box, LineCache.fingerprint(frame(10, 10, 250), W, H, box))).isEmpty();
        cache.forget("cam");
        assertThat(cache.find("cam", box, LineCache.fingerprint(frame(10, 10, 250), W, H, box))).isEmpty();
    }
}
