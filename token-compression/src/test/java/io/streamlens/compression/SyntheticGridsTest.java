package io.streamlens.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticGridsTest {

    private static double cosine(TokenGrid g, int a, int b) {
        float[] v = g.values();
        int d = g.dim();
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int j = 0; j < d; j++) {
            dot += v[a * d + j] * v[b * d + j];
            aa += v[a * d + j] * v[a * d + j];
            bb += v[b * d + j] * v[b * d + j];
        }
        return dot / Math.sqrt(aa * bb);
    }

    @Test
    void neighboursAreMoreAlikeThanDistantTokens() {
        TokenGrid g = SyntheticGrids.staticCamera(24, 24, 256, 1, 3).get(0);

        double neighbours = cosine(g, 0, 1);
        double farApart = cosine(g, 0, 24 * 24 - 1);

        assertThat(neighbours).isGreaterThan(farApart + 0.2);
    }

    @Test
    void framesAreNearlyTheSameExceptTheMovingObject() {
        List<TokenGrid> frames = SyntheticGrids.staticCamera(12, 12, 128, 3, 4);

        assertThat(frames.get(0).novelty()).isEqualTo(1.0);
        assertThat(frames.get(1).novelty()).isBetween(0.01, 0.2);
        double staticCorner = SyntheticGrids.meanCosine(
                java.util.Arrays.copyOfRange(frames.get(0).values(), 0, 128),
                java.util.Arrays.copyOfRange(frames.get(2).values(), 0, 128), 128);
        assertThat(staticCorner).isGreaterThan(0.9);
    }
}
