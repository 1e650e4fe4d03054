package io.streamlens.inference.vlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.ModelPack;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.VisualTokens;
import io.streamlens.inference.tinycolor.TinyColorPackBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole VLM path through ONNX Runtime with the hand-built {@code tiny-color} pack. */
class TinyColorPackTest {

    private static VlmPack vlm;

    @BeforeAll
    static void openPack() {
        vlm = (VlmPack) ModelPack.builtIn("tiny-color", RuntimeOptions.defaults());
    }

    @AfterAll
    static void closePack() {
        vlm.close();
    }

    static RgbImage solid(int r, int g, int b) {
        return RgbImage.filled(64, 48, r, g, b);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "red, 255, 0, 0",
        "green, 0, 255, 0",
        "blue, 0, 0, 255",
        "yellow, 255, 255, 0",
        "white, 255, 255, 255",
        "black, 0, 0, 0",
        "red, 200, 40, 30",
        "green, 20, 150, 40",
    })
    void captionsASolidFrameWithItsColour(String colour, int r, int g, int b) {
        VisualTokens tokens = vlm.encodeImage(solid(r, g, b));

        Generation caption = vlm.caption(tokens);

        assertThat(caption.text()).isEqualTo(colour);
        assertThat(caption.stopReason()).isEqualTo(Generation.StopReason.STOP_TOKEN);
        assertThat(caption.visualTokens()).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"red, 255, 0, 0", "blue, 0, 0, 255", "white, 255, 255, 255"})
    void givesTheSameAnswerFromFewerAveragedTokens(String colour, int r, int g, int b) {
        VisualTokens all = vlm.encodeImage(solid(r, g, b));
        VisualTokens four = averageGroups(all, 4);

        assertThat(vlm.caption(four).text()).isEqualTo(colour);
        assertThat(vlm.caption(four).visualTokens()).isEqualTo(4);
        assertThat(vlm.caption(all.meanPooled()).text()).isEqualTo(colour);
    }

    @Test
    void namesTheDominantColourOfAMixedClip() {
        List<VisualTokens> clip = vlm.encodeImages(List.of(solid(255, 0, 0), solid(250, 10, 5), solid(0, 0, 255)));
        VisualTokens window = concat(clip);

        assertThat(window.count()).isEqualTo(48);
        // two red frames and one blue average to a purplish red, nearest to red
        assertThat(vlm.caption(window).text()).isEqualTo("red");
    }

    @Test
    void decodesStepByStepOverAGrowingKvCache() {
        VisualTokens tokens = vlm.encodeImage(solid(0, 255, 0));
        GenerationOptions noStop = vlm.generationDefaults().withMaxNewTokens(4).ignoringStopTokens();

        Generation g = vlm.generate(tokens, noStop, TokenListener.NONE);

        int green = TinyColorPackBuilder.COLOURS.indexOf("green") + 5;
        int end = 0;
        // From the third token on, the input is <|endoftext|> itself: "a colour was said" is only in the
        // cache, so the repeated end token shows that the cache was fed back.
        assertThat(g.tokenIds()).containsExactly(green, end, end, end);
        assertThat(g.decoderSteps()).isEqualTo(4);
        assertThat(g.cacheLength()).isEqualTo(g.promptTokens() + 3);
        assertThat(g.text()).isEqualTo("green");
        assertThat(g.stopReason()).isEqualTo(Generation.StopReason.MAX_NEW_TOKENS);
    }

    @Test
    void streamsEachTokenToTheListener() {
        List<String> pieces = new ArrayList<>();

        Generation g = vlm.generate(vlm.encodeImage(solid(255, 255, 0)), vlm.generationDefaults(),
                (id, text) -> pieces.add(text));

        assertThat(pieces).containsExactly("yellow");
        assertThat(g.tokenIds()).hasSize(2);
        assertThat(g.decoderSteps()).isEqualTo(2);
    }

    @Test
    void seededTopPSamplingRepeatsItselfAndAtLowPMatchesGreedy() {
        VisualTokens tokens = vlm.encodeImage(solid(200, 40, 30));
        GenerationOptions sampled = vlm.generationDefaults().withSampler(Sampler.topP(1.5f, 0.95f)).withSeed(7);

        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(vlm.generate(tokens, sampled.withSeed(i), TokenListener.NONE).text());
            second.add(vlm.generate(tokens, sampled.withSeed(i), TokenListener.NONE).text());
        }

        assertThat(first).isEqualTo(second);
        assertThat(vlm.generate(tokens, sampled.withSampler(Sampler.topP(1f, 0.01f)), TokenListener.NONE).text())
                .isEqualTo("red");
    }

    @Test
    void takesAnInstructionOfItsOwn() {
        GenerationOptions asked = vlm.generationDefaults().withInstruction("What colour is this ?");

        assertThat(vlm.generate(vlm.encodeImage(solid(0, 0, 255)), asked, TokenListener.NONE).text()).isEqualTo("blue");
    }

    @Test
    void encodesFramesInOneBatchedCallAsTheyWouldAlone() {
        List<RgbImage> frames = List.of(solid(255, 0, 0), solid(0, 0, 0), solid(10, 200, 30));

        List<VisualTokens> batched = vlm.encodeImages(frames);

        for (int i = 0; i < frames.size(); i++) {
            assertThat(batched.get(i)).isEqualTo(vlm.encodeImage(frames.get(i)));
        }
        assertThat(batched.get(0).hidden()).isEqualTo(vlm.hidden()).isEqualTo(16);
    }

    @Test
    void handsEachConcurrentCallerTheTokensOfItsOwnFrame() throws Exception {
        int[][] colours = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}, {255, 255, 255}, {0, 0, 0}};
        ExecutorService streams = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> perStream = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                int stream = s;
                perStream.add(streams.submit(() -> {
                    List<CompletableFuture<VisualTokens>> pending = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        int[] c = colours[(stream + i) % colours.length];
                        pending.add(vlm.encodeImageAsync(solid(c[0], c[1], c[2])));
                    }
                    List<String> captions = new ArrayList<>();
                    for (CompletableFuture<VisualTokens> f : pending) {
                        captions.add(vlm.caption(f.get(30, TimeUnit.SECONDS)).text());
                    }
                    return captions;
                }));
            }
            for (int s = 0; s < 4; s++) {
                List<String> captions = perStream.get(s).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < 60; i++) {
                    assertThat(captions.get(i)).isEqualTo(TinyColorPackBuilder.COLOURS.get((s + i) % colours.length));
                }
            }
        } finally {
            streams.shutdownNow();
        }
    }

    @Test
    void committedPackMatchesItsGeneratorByteForByte() throws IOException {
        long total = 0;
        for (Map.Entry<String, byte[]> file : TinyColorPackBuilder.files().entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("packs/tiny-color/" + file.getKey())) {
                assertThat(in).as(file.getKey()).isNotNull();
                assertThat(in.readAllBytes()).as(file.getKey()).isEqualTo(file.getValue());
            }
            total += file.getValue().length;
        }
        assertThat(total).isLessThan(1 << 20);
    }

    /** Averages consecutive groups of tokens: a crude stand-in for token compression. */
    static VisualTokens averageGroups(VisualTokens t, int groups) {
        int per = t.count() / groups;
        float[] out = new float[groups * t.hidden()];
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < per; k++) {
                for (int f = 0; f < t.hidden(); f++) {
                    out[g * t.hidden() + f] += t.values()[(g * per + k) * t.hidden() + f] / per;
                }
            }
        }
        return new VisualTokens(groups, t.hidden(), out);
    }

    static VisualTokens concat(List<VisualTokens> parts) {
        int hidden = parts.get(0).hidden();
        int count = parts.stream().mapToInt(VisualTokens::count).sum();
        float[] all = new float[count * hidden];
        int at = 0;
        for (VisualTokens p : parts) {
            System.arraycopy(p.values(), 0, all, at, p.values().length);
            at += p.values().length;
        }
        return new VisualTokens(count, hidden, all);
    }
}
