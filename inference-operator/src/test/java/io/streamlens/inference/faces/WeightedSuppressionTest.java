package io.streamlens.inference.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedSuppressionTest {

    private final WeightedSuppression suppression = new WeightedSuppression(0.3f, 10);

    @Test
    void averagesOverlappingCandidatesByScoreAndKeepsTheBestScore() {
        FaceCandidate strong = candidate(0.9f, 0.10f);
        FaceCandidate weak = candidate(0.6f, 0.12f);

        List<FaceCandidate> kept = suppression.apply(List.of(weak, strong));

        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).score()).isEqualTo(0.9f);
        float expected = (0.9f * 0.10f + 0.6f * 0.12f) / 1.5f;
        assertThat(kept.get(0).x0()).isCloseTo(expected, within(1e-6f));
        assertThat(kept.get(0).points()[0]).isCloseTo(expected, within(1e-6f));
    }

    @Test
    void keepsFacesApartAndBestFirst() {
        List<FaceCandidate> kept = suppression.apply(List.of(candidate(0.7f, 0.1f), candidate(0.8f, 0.6f)));

        assertThat(kept).extracting(FaceCandidate::score).containsExactly(0.8f, 0.7f);
    }

    @Test
    void stopsAtTheMaximum() {
        WeightedSuppression one = new WeightedSuppression(0.3f, 1);

        assertThat(one.apply(List.of(candidate(0.7f, 0.1f), candidate(0.8f, 0.6f)))).hasSize(1);
    }

    private static FaceCandidate candidate(float score, float x0) {
        float[] points = new float[12];
        java.util.Arrays.fill(points, x0);
        return new FaceCandidate(score, x0, 0.1f, x0 + 0.2f, 0.3f, points);
    }
}
