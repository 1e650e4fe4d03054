package io.streamlens.inference.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.records.Detection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExpressionClassifierTest {

    private static FaceDetector faces;
    private static ExpressionClassifier expressions;

    @BeforeAll
    static void open() {
        RuntimeOptions runtime = RuntimeOptions.defaults().withIntraOpThreads(1);
        faces = FaceDetector.open(runtime, FaceOptions.DEFAULTS);
        expressions = ExpressionClassifier.open(runtime);
    }

    @AfterAll
    static void close() {
        expressions.close();
        faces.close();
    }

    @Test
    void theAstronautSmiles() {
        RgbImage photo = FaceImages.astronaut();
        Detection face = faces.detect(photo).get(0).box();

        Expression expression = expressions.classify(photo, face).orElseThrow();

        assertThat(expression.scores()).hasSize(7);
        assertThat(expression.scores().values().stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0, within(1e-3));
        assertThat(expression.top()).isEqualTo(Emotion.HAPPY);
        assertThat(expression.isSmiling()).isTrue();
    }

    @Test
    void aFaceTooSmallToJudgeGetsNoExpression() {
        RgbImage frame = FaceImages.smallFace(24, 300, 150);
        Detection small = faces.detect(frame, List.of(new io.streamlens.records.Detection("person", 0.9f,
                300f / 640, 150f / 360, (300f + FaceImages.headSide(24)) / 640, 0.9f))).get(0).box();

        assertThat(small.width() * 640).isLessThan(ExpressionClassifier.MIN_FACE_PIXELS);
        assertThat(expressions.classify(frame, small)).isEmpty();
        assertThat(expressions.classifyAsync(frame, small).join()).isEmpty();
    }

    @Test
    void batchedAndAsyncCallsAgreeWithSingleOnes() {
        RgbImage photo = FaceImages.astronaut();
        RgbImage pasted = FaceImages.smallFace(64, 300, 100);
        Detection face = faces.detect(photo).get(0).box();
        Detection other = faces.detect(pasted).get(0).box();

        List<Optional<Expression>> both = expressions.classifyAll(photo, List.of(face, face));
        Expression alone = expressions.classify(photo, face).orElseThrow();
        Expression async = expressions.classifyAsync(pasted, other).join().orElseThrow();

        assertThat(both).allSatisfy(e -> assertThat(e.orElseThrow().score(Emotion.HAPPY))
                .isCloseTo(alone.score(Emotion.HAPPY), within(1e-5f)));
        assertThat(async.score(Emotion.HAPPY))
                .isCloseTo(expressions.classify(pasted, other).orElseThrow().score(Emotion.HAPPY), within(1e-5f));
    }

    @Test
    void smilingNeedsAConfidentHappy() {
        assertThat(expression(0.69f).isSmiling()).isFalse();
        assertThat(expression(Expression.SMILING_MIN_HAPPY).isSmiling()).isTrue();
    }

    private static Expression expression(float happy) {
        Map<Emotion, Float> scores = new EnumMap<>(Emotion.class);
        float rest = (1 - happy) / 6;
        for (Emotion e : Emotion.values()) {
            scores.put(e, e == Emotion.HAPPY ? happy : rest);
        }
        return new Expression(scores);
    }
}
