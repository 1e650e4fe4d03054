package io.streamlens.inference.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.records.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class NanoDetDecoderTest {

    private static final int BINS = 11;
    private static final int GRID = 4;
    private static final int STRIDE = 8;
    private static final int INPUT = GRID * STRIDE;

    @Test
    void aBoxIsTheCellCentrePlusTheExpectedDistancesInStrides() {
        float[] scores = new float[GRID * GRID * 80];
        float[] distances = new float[GRID * GRID * 4 * BINS];
        int cell = 1 * GRID + 2; // x = 2, y = 1: centre at (20, 12)
        scores[cell * 80 + 16] = 0.9f; // dog
        peak(distances, cell, 0, 1); // left 1 stride
        peak(distances, cell, 1, 1); // top 1 stride
        peak(distances, cell, 2, 1); // right 1 stride
        distances[(cell * 4 + 3) * BINS] = 30; // bottom: two equal bins, 0 and 2, mean 1 stride
        distances[(cell * 4 + 3) * BINS + 2] = 30;

        List<Detection> objects = decoder(0.35f).decode(List.of(new NanoDetDecoder.Level(STRIDE, GRID, scores, distances)));

        assertThat(objects).hasSize(1);
        Detection dog = objects.get(0);
        assertThat(dog.label()).isEqualTo("dog");
        assertThat(dog.x0()).isCloseTo(12f / INPUT, within(1e-3f));
        assertThat(dog.y0()).isCloseTo(4f / INPUT, within(1e-3f));
        assertThat(dog.x1()).isCloseTo(28f / INPUT, within(1e-3f));
        assertThat(dog.y1()).isCloseTo(20f / INPUT, within(1e-3f));
    }

    @Test
    void overlappingBoxesOfDifferentClassesKeepOnlyTheBest() {
        Detection truck = new Detection("truck", 0.6f, 0.1f, 0.1f, 0.5f, 0.5f);
        Detection car = new Detection("car", 0.5f, 0.12f, 0.1f, 0.5f, 0.52f);
        Detection elsewhere = new Detection("car", 0.4f, 0.6f, 0.6f, 0.9f, 0.9f);

        assertThat(decoder(0.35f).suppress(List.of(car, elsewhere, truck))).containsExactly(truck, elsewhere);
    }

    @Test
    void atMostMaxDetectionsAreKept() {
        NanoDetDecoder decoder = new NanoDetDecoder(INPUT, new DetectionOptions(0.35f, 0.5f, 1));
        Detection a = new Detection("cat", 0.6f, 0f, 0f, 0.2f, 0.2f);
        Detection b = new Detection("dog", 0.7f, 0.5f, 0.5f, 0.9f, 0.9f);

        assertThat(decoder.suppress(List.of(a, b))).containsExactly(b);
    }

    @Test
    void scoresBelowTheThresholdGiveNothing() {
        float[] scores = new float[GRID * GRID * 80];
        scores[5 * 80] = 0.3f;

        assertThat(decoder(0.35f).decode(List.of(new NanoDetDecoder.Level(STRIDE, GRID, scores,
                new float[GRID * GRID * 4 * BINS])))).isEmpty();
    }

    private static NanoDetDecoder decoder(float minScore) {
        return new NanoDetDecoder(INPUT, DetectionOptions.DEFAULTS.withMinScore(minScore));
    }

    /** Nearly all of the side's weight on one bin. */
    private static void peak(float[] distances, int cell, int side, int bin) {
        distances[(cell * 4 + side) * BINS + bin] = 30;
    }
}
