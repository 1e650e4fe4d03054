package io.streamlens.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.inference.perception.PerceptionPack;
import io.streamlens.inference.vlm.GenerationOptions;
import io.streamlens.inference.vlm.TokenListener;
import io.streamlens.inference.vlm.VlmPack;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of bad request fails with a reason code a dead-letter record can carry, and only itself. */
class BadInputTest {

    private static PackHandle tinyColor;
    private static PackHandle perception;
    private static VlmPack vlm;

    @BeforeAll
    static void openPacks() {
        RuntimeOptions options = RuntimeOptions.defaults().withIntraOpThreads(1);
        tinyColor = SharedSessions.acquire("tiny-color", options);
        perception = SharedSessions.acquire("perception", options);
        vlm = tinyColor.vlm();
    }

    @AfterAll
    static void closePacks() {
        tinyColor.close();
        perception.close();
    }

    private static void failsWith(String code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InferenceException.class)
                .satisfies(e -> assertThat(((InferenceException) e).reasonCode()).isEqualTo(code));
    }

    @Test
    void refusesAOnePixelImage() {
        RgbImage dot = RgbImage.filled(1, 1, 9, 9, 9);

        failsWith("image-too-small", () -> vlm.encodeImage(dot));
        failsWith("image-too-small", () -> perception.perception().readText(dot));
        assertThat(InferenceException.reasonOf(vlm.encodeImageAsync(dot).handle((v, e) -> e).join()))
                .isEqualTo(FailureReason.IMAGE_TOO_SMALL);
    }

    @Test
    void refusesAHugeImageBeforeLookingAtItsPixels() {
        failsWith("image-too-large", () -> new RgbImage(20_000, 20_000, new byte[0]));
    }

    @Test
    void refusesPixelsThatDoNotMatchTheSize() {
        failsWith("invalid-image", () -> new RgbImage(10, 10, new byte[299]));
    }

    @Test
    void refusesVisualTokensHoldingNaN() {
        float[] values = new float[4 * 16];
        values[17] = Float.NaN;

        assertThatThrownBy(() -> new VisualTokens(4, 16, values))
                .hasMessage("non-finite-input: visual token 1 feature 1 is NaN");
    }

    @Test
    void refusesVisualTokensOfTheWrongWidth() {
        VisualTokens narrow = new VisualTokens(2, 8, new float[16]);

        failsWith("shape-mismatch", () -> vlm.caption(narrow));
        failsWith("shape-mismatch", () -> new VisualTokens(3, 16, new float[47]));
    }

    @Test
    void refusesAnEmptyPrompt() {
        failsWith("empty-prompt", () -> vlm.generationDefaults().withInstruction("  \n"));
    }

    @Test
    void refusesAHundredKilobyteInstruction() {
        GenerationOptions huge = vlm.generationDefaults().withInstruction("why ".repeat(25_000));
        VisualTokens tokens = vlm.encodeImage(RgbImage.filled(32, 32, 0, 0, 0));

        failsWith("prompt-too-long", () -> vlm.generate(tokens, huge, TokenListener.NONE));
    }

    @Test
    void refusesMoreVisualTokensThanThePromptHoldsTokens() {
        VisualTokens many = new VisualTokens(600, 16, new float[600 * 16]);

        failsWith("prompt-too-long", () -> vlm.caption(many));
    }

    @Test
    void refusesAHundredKilobyteQuestionAndAnEmptyOne() {
        PerceptionPack p = perception.perception();
        char[] question = new char[100 * 1024];
        Arrays.fill(question, 'q');

        failsWith("text-too-long", () -> p.embed(new String(question)));
        failsWith("empty-text", () -> p.embed(" "));
    }

    @Test
    void failsOnlyTheBadRequestAmongGoodOnes() throws Exception {
        CompletableFuture<VisualTokens> good1 = vlm.encodeImageAsync(RgbImage.filled(32, 32, 255, 0, 0));
        CompletableFuture<VisualTokens> bad = vlm.encodeImageAsync(RgbImage.filled(2, 2, 255, 0, 0));
        CompletableFuture<VisualTokens> good2 = vlm.encodeImageAsync(RgbImage.filled(32, 32, 0, 0, 255));

        assertThat(vlm.caption(good1.get(30, TimeUnit.SECONDS)).text()).isEqualTo("red");
        assertThat(vlm.caption(good2.get(30, TimeUnit.SECONDS)).text()).isEqualTo("blue");
        assertThat(InferenceException.reasonOf(bad.handle((v, e) -> e).join())).isEqualTo(FailureReason.IMAGE_TOO_SMALL);

        CompletableFuture<?> goodText = perception.perception().embedAsync("a fine question");
        CompletableFuture<?> emptyText = perception.perception().embedAsync("");
        assertThat(goodText.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(InferenceException.reasonOf(emptyText.handle((v, e) -> e).join())).isEqualTo(FailureReason.EMPTY_TEXT);
    }
}
