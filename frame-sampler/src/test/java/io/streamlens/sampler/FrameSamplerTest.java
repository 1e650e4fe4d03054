package io.streamlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {
    private static final int PIXELS = 16;
    private static final long HALF_SECOND = 500_000;

    /** A flat picture of one colour, as its thumbnail's histogram and luma. */
    record Picture(float[] histogram, byte[] luma) {
        static Picture of(int r, int g, int b) {
            byte[] rgb = new byte[PIXELS * 3];
            for (int p = 0; p < rgb.length; p += 3) {
                rgb[p] = (byte) r;
                rgb[p + 1] = (byte) g;
                rgb[p + 2] = (byte) b;
            }
            return new Picture(ColorHistogram.of(rgb, PIXELS), Luma.of(rgb, PIXELS));
        }

        /** The same grey picture with {@code changed} of its pixels white, as if something moved over them. */
        static Picture greyWithWhitePixels(int changed) {
            Picture grey = of(100, 100, 100);
            byte[] luma = grey.luma().clone();
            java.util.Arrays.fill(luma, 0, changed, (byte) 255);
            return new Picture(grey.histogram(), luma);
        }
    }

    /** Offers the pictures half a second apart and returns the decisions on samples. */
    static List<FrameSampler.Decision> samples(SamplerSpec spec, SamplerState state, Picture... pictures) {
        FrameSampler sampler = new FrameSampler(spec);
        List<FrameSampler.Decision> samples = new ArrayList<>();
        for (int i = 0; i < pictures.length; i++) {
            FrameSampler.Decision decision = sampler.offer(i * HALF_SECOND, pictures[i].histogram(), pictures[i].luma(), state);
            if (decision.sample()) {
                samples.add(decision);
            }
            state = decision.next();
        }
        return samples;
    }

    @Test
    void keyframesAtOneASecondTakeTheFirstKeyframeAtOrAfterEachTick() {
        // keyframes half a second apart (a short GOP): every other one is taken
        Picture grey = Picture.of(100, 100, 100);
        SamplerState start = SamplerState.initial();

        List<FrameSampler.Decision> capped = samples(SamplerSpec.keyframes(1), start, grey, grey, grey, grey, grey);
        List<FrameSampler.Decision> every = samples(SamplerSpec.keyframes(), start, grey, grey, grey, grey, grey);

        assertThat(capped).extracting(d -> d.next().lastSampledUs()).containsExactly(0L, 2 * HALF_SECOND, 4 * HALF_SECOND);
        assertThat(every).hasSize(5);
    }

    @Test
    void aStreamsFirstFrameHasNoMotion() {
        List<FrameSampler.Decision> samples = samples(SamplerSpec.uniform(1), SamplerState.initial(), Picture.of(0, 0, 0));

        assertThat(samples).singleElement().satisfies(d -> assertThat(d.motion()).isZero());
    }

    @Test
    void aSamplesMotionIsTheMeanFrameDifferenceSinceThePreviousSample() {
        // Samples at 0 s and 1 s; between them 0.5 s changes 4 of 16 pixels by 155 and 1 s changes them back.
        Picture still = Picture.greyWithWhitePixels(0);
        Picture moved = Picture.greyWithWhitePixels(4);

        List<FrameSampler.Decision> samples = samples(SamplerSpec.uniform(1), SamplerState.initial(), still, moved, still);

        double oneFrame = 4 * 155 / (16 * 255.0);
        assertThat(samples).extracting(FrameSampler.Decision::motion)
                .containsExactly(0.0, (oneFrame + oneFrame) / 2);
    }

    @Test
    void motionStartsAfreshAfterEverySample() {
        Picture still = Picture.greyWithWhitePixels(0);
        Picture moved = Picture.greyWithWhitePixels(8);

        List<FrameSampler.Decision> samples = samples(SamplerSpec.uniform(1), SamplerState.initial(),
                still, moved, moved, still, still);

        double oneFrame = 8 * 155 / (16 * 255.0);
        assertThat(samples).extracting(FrameSampler.Decision::motion)
                .containsExactly(0.0, oneFrame / 2, oneFrame / 2);
    }

    @Test
    void theDifferenceAcrossACutIsNotMotion() {
        Picture grey = Picture.of(100, 100, 100);
        Picture red = Picture.of(230, 20, 20);

        List<FrameSampler.Decision> samples = samples(SamplerSpec.uniform(1), SamplerState.initial(), grey, red, red);

        assertThat(samples).extracting(FrameSampler.Decision::sceneId).containsExactly(0, 1);
        assertThat(samples).extracting(FrameSampler.Decision::motion).containsExactly(0.0, 0.0);
    }

    @Test
    void aSceneSampleAtTheCutCarriesTheMotionOfTheShotBeforeIt() {
        Picture still = Picture.greyWithWhitePixels(0);
        Picture moved = Picture.greyWithWhitePixels(16);
        Picture red = Picture.of(230, 20, 20);

        List<FrameSampler.Decision> samples = samples(SamplerSpec.scene(0.35), SamplerState.initial(), still, moved, red);

        assertThat(samples).extracting(FrameSampler.Decision::sceneId).containsExactly(0, 1);
        assertThat(samples.get(1).motion()).isCloseTo(155 / 255.0, within(1e-12));
    }

    @Test
    void stateWithoutAPreviousLumaCountsTheFrameAsStill() {
        // As after restoring state written before motion was kept: the new field comes back null.
        Picture grey = Picture.of(100, 100, 100);
        SamplerState restored = new SamplerState(true, 3, 0, 0, grey.histogram(), grey.histogram(), null, 0, 0);

        List<FrameSampler.Decision> samples = samples(SamplerSpec.uniform(2), restored, grey, grey);

        assertThat(samples).extracting(FrameSampler.Decision::motion).containsOnly(0.0);
    }
}
