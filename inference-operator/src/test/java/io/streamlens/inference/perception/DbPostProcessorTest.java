package io.streamlens.inference.perception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostProcessorTest {

    private static float[] map(int w, int h) {
        return new float[w * h];
    }

    private static void fill(float[] map, int w, int x, int y, int rw, int rh, float p) {
        for (int r = y; r < y + rh; r++) {
            for (int c = x; c < x + rw; c++) {
                map[r * w + c] = p;
            }
        }
    }

    @Test
    void growsAConfidentRegionBackToTheTextItCameFrom() {
        float[] prob = map(64, 32);
        fill(prob, 64, 10, 10, 40, 6, 0.9f);

        List<TextBox> boxes = DbPostProcessor.boxes(prob, 64, 32, 128, 64);

        // a 40x6 region grows by 40*6*1.6/92 = 4.17 map pixels on each side, then doubles to image pixels
        assertThat(boxes).containsExactly(new TextBox(11, 11, 98, 30));
    }

    @Test
    void dropsSpecksAndFaintRegions() {
        float[] prob = map(64, 32);
        fill(prob, 64, 2, 2, 2, 2, 0.95f);
        fill(prob, 64, 20, 20, 30, 8, 0.4f);

        assertThat(DbPostProcessor.boxes(prob, 64, 32, 64, 32)).isEmpty();
    }

    @Test
    void separatesRegionsThatDoNotTouch() {
        float[] prob = map(64, 32);
        fill(prob, 64, 5, 5, 20, 5, 0.9f);
        fill(prob, 64, 5, 20, 20, 5, 0.9f);

        assertThat(DbPostProcessor.boxes(prob, 64, 32, 64, 32)).hasSize(2);
    }
}
