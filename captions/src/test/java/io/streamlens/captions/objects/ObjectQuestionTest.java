package io.streamlens.captions.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.objects.ObjectQuestion.Intent;
import io.streamlens.records.CocoLabels;
import io.streamlens.records.Detection;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectQuestionTest {
    static ObjectQuestion parse(String q) {
        return ObjectQuestion.parse(q, CocoLabels.NAMES).orElse(null);
    }

    @Test
    void questionsAboutObjectsAreRecognisedWithTheirIntent() {
        assertThat(parse("When did a dog appear?")).isEqualTo(new ObjectQuestion(Intent.WHEN, "dog"));
        assertThat(parse("How many people walked by?")).isEqualTo(new ObjectQuestion(Intent.COUNT, "person"));
        assertThat(parse("Was there a bicycle?")).isEqualTo(new ObjectQuestion(Intent.WHETHER, "bicycle"));
        assertThat(parse("did you see any traffic lights")).isEqualTo(new ObjectQuestion(Intent.WHETHER, "traffic light"));
        assertThat(parse("how many wine glasses were on the table?")).isEqualTo(new ObjectQuestion(Intent.COUNT, "wine glass"));
        assertThat(parse("is there a man in the picture")).isEqualTo(new ObjectQuestion(Intent.WHETHER, "person"));
    }

    @Test
    void questionsAboutNoObjectAreLeftToTheTextAnswerer() {
        assertThat(parse("What does the sign say?")).isNull();
        assertThat(parse("When was gate 7 open?")).isNull();
    }

    static ObjectAnswers.Window window(long startMs, String label, long... tracks) {
        if (label == null) {
            return new ObjectAnswers.Window(startMs, startMs + 4000, new ObjectsSeen(true, List.of()));
        }
        List<Long> ids = java.util.Arrays.stream(tracks).boxed().toList();
        return new ObjectAnswers.Window(startMs, startMs + 4000, new ObjectsSeen(true, List.of(new ObjectEvidence(label,
                ids.size(), ids, ids.stream().map(i -> "left").toList(), startMs + 500, startMs + 3500, startMs + 1000,
                List.of(new Detection(label, 0.6f, 0.1f, 0.1f, 0.3f, 0.5f))))));
    }

    @Test
    void howManyCountsDistinctTracksAcrossWindowsNotWindows() {
        List<ObjectAnswers.Window> windows = List.of(window(0, "person", 1), window(3000, "person", 1, 2),
                window(6000, null), window(9000, "person", 3));
        ObjectAnswers.Answered answer = ObjectAnswers.answer(new ObjectQuestion(Intent.COUNT, "person"), windows);
        assertThat(answer.answer()).startsWith("Three people were seen");
        assertThat(answer.evidence()).extracting(io.streamlens.records.Answer.Span::startMs).containsExactly(500L, 9500L);
    }

    @Test
    void whenListsTheSpansAndWhetherSaysNoWhenTheDetectorLookedAndSawNone() {
        List<ObjectAnswers.Window> windows = List.of(window(0, null), window(3000, "dog", 7));
        assertThat(ObjectAnswers.answer(new ObjectQuestion(Intent.WHEN, "dog"), windows).answer())
                .isEqualTo("A dog was seen from 0:03 to 0:06.");
        ObjectAnswers.Answered no = ObjectAnswers.answer(new ObjectQuestion(Intent.WHETHER, "bicycle"), windows);
        assertThat(no.answer()).startsWith("No. No bicycle was seen");
        assertThat(no.evidence()).isEmpty();
    }

    @Test
    void aStreamTheDetectorNeverLookedAtIsNeverSaidToHoldNothing() {
        var notLooked = List.of(new ObjectAnswers.Window(0, 4000, ObjectsSeen.NOT_LOOKED));
        assertThat(ObjectAnswers.answer(new ObjectQuestion(Intent.WHETHER, "dog"), notLooked).answer())
                .contains("not looked for");
    }
}
