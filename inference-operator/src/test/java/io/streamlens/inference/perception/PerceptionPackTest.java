package io.streamlens.inference.perception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.inference.Frames;
import io.streamlens.inference.PackHandle;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.inference.SharedSessions;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in perception pack on generated frames and known sentences. */
class PerceptionPackTest {

    private static final List<String> NEWS = List.of("Breaking news at noon", "Traffic is light today", "Open source video");

    private static PackHandle handle;
    private static PerceptionPack perception;

    @BeforeAll
    static void openPack() {
        handle = SharedSessions.acquire("perception", RuntimeOptions.defaults().withIntraOpThreads(1));
        perception = handle.perception();
    }

    @AfterAll
    static void closePack() {
        handle.close();
    }

    private static List<String> texts(List<TextLine> lines) {
        return lines.stream().map(TextLine::text).toList();
    }

    @ParameterizedTest(name = "{0} {1}px")
    @CsvSource({
        "DejaVuSans.ttf, 18", "DejaVuSans.ttf, 28", "DejaVuSans.ttf, 44",
        "DejaVuSerif.ttf, 18", "DejaVuSerif.ttf, 28", "DejaVuSerif.ttf, 44",
        "DejaVuSansMono.ttf, 18", "DejaVuSansMono.ttf, 28", "DejaVuSansMono.ttf, 40",
    })
    void readsEveryLineOfAFrameInReadingOrder(String font, float size) {
        RgbImage frame = Frames.text(640, 360, Color.WHITE, Color.BLACK, Frames.font(font, size), 30, 30, NEWS);

        List<TextLine> lines = perception.readText(frame);

        assertThat(texts(lines)).containsExactlyElementsOf(NEWS);
        assertThat(lines).allSatisfy(l -> assertThat(l.confidence()).isGreaterThan(0.8f));
    }

    @Test
    void readsLightTextOnADarkBackground() {
        RgbImage frame = Frames.text(640, 360, new Color(20, 30, 60), Color.YELLOW,
                Frames.font("DejaVuSans-Bold.ttf", 30), 40, 200, List.of("Live from the studio"));

        List<TextLine> lines = perception.readText(frame);

        assertThat(texts(lines)).containsExactly("Live from the studio");
        TextBox box = lines.get(0).box();
        assertThat(box.y()).isBetween(190, 215);
        assertThat(box.x()).isBetween(25, 50);
    }

    @Test
    void keepsTheWordsOfALineTogetherAtFullHdResolution() {
        RgbImage frame = Frames.text(1920, 1080, Color.BLACK, Color.WHITE, Frames.font("DejaVuSans.ttf", 64),
                100, 700, List.of("Speaker: Ada Lovelace", "Live from the conference hall"));

        assertThat(texts(perception.readText(frame)))
                .containsExactly("Speaker: Ada Lovelace", "Live from the conference hall");
    }

    @Test
    void findsNothingInAFrameWithoutText() {
        assertThat(perception.readText(RgbImage.filled(640, 360, 90, 140, 200))).isEmpty();
    }

    @Test
    void readsFramesOfManyStreamsThroughTheBatchers() throws Exception {
        List<RgbImage> frames = List.of(
                Frames.text(640, 360, Color.WHITE, Color.BLACK, Frames.font("DejaVuSans.ttf", 30), 30, 30, List.of("First stream")),
                Frames.text(640, 360, Color.WHITE, Color.BLACK, Frames.font("DejaVuSerif.ttf", 30), 30, 30, List.of("Second stream")),
                Frames.text(320, 240, Color.WHITE, Color.BLACK, Frames.font("DejaVuSans.ttf", 24), 10, 10, List.of("Third stream")));

        List<CompletableFuture<List<TextLine>>> pending = frames.stream().map(perception::readTextAsync).toList();

        assertThat(texts(pending.get(0).get(60, TimeUnit.SECONDS))).containsExactly("First stream");
        assertThat(texts(pending.get(1).get(60, TimeUnit.SECONDS))).containsExactly("Second stream");
        assertThat(texts(pending.get(2).get(60, TimeUnit.SECONDS))).containsExactly("Third stream");
    }

    @Test
    void embedsSentencesAsUnitVectorsWhoseSimilarityFollowsMeaning() {
        Embedding cat = perception.embed("A cat sits on the mat.");
        Embedding kitten = perception.embed("A kitten is resting on a rug.");
        Embedding stocks = perception.embed("Stock markets fell sharply today.");

        assertThat(cat.dimensions()).isEqualTo(384);
        assertThat(cat.cosine(cat)).isCloseTo(1.0, within(1e-5));
        assertThat(cat.cosine(kitten)).isGreaterThan(cat.cosine(stocks) + 0.2);
    }

    @Test
    void ranksTheCaptionThatAnswersAQuestionFirst() {
        List<String> captions = List.of(
                "A red car drives down a busy street.",
                "The presenter says it will rain heavily tomorrow.",
                "Two people are cooking pasta in a kitchen.");
        Embedding question = perception.embed("What will the weather be like tomorrow?");
        List<Embedding> candidates = perception.embedAll(captions);

        int best = IntStream.range(0, captions.size()).boxed()
                .max(Comparator.comparingDouble(i -> question.cosine(candidates.get(i)))).orElseThrow();

        assertThat(captions.get(best)).contains("rain");
    }

    @Test
    void embedsNearlyTheSameInABatchAsAlone() {
        List<String> texts = List.of("short", "a much longer sentence that needs many more word pieces than the first");

        List<Embedding> batched = perception.embedAll(texts);

        // Padding is masked out of the pooling, but the quantized model picks its activation ranges over
        // the whole batch, so neighbours move an embedding a little; the same batch gives the same result.
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batched.get(i).cosine(perception.embed(texts.get(i)))).isGreaterThan(0.97);
        }
        assertThat(perception.embedAll(texts)).isEqualTo(batched);
    }
}
