package io.streamlens.captions.memory;

import io.streamlens.captions.objects.ObjectAnswers;
import io.streamlens.captions.objects.ObjectQuestion;
import io.streamlens.records.Answer;
import io.streamlens.records.CocoLabels;
import io.streamlens.records.Query;
import java.util.List;
import java.util.Optional;

/**
 * Answers questions about objects ("how many people walked by?", "when did a dog appear?", "was
 * there a bicycle?") from the windows' tracks, exactly, and hands every other question to the
 * pack's answerer. A stream whose windows the object detector never looked at is asked the
 * pack's answerer too, which then says what the captions say.
 */
public final class ObjectAwareAnswerer implements QuestionAnswerer {
    private final QuestionAnswerer others;

    public ObjectAwareAnswerer(QuestionAnswerer others) {
        this.others = others;
    }

    /** The factory of {@code others}, each answerer wrapped. */
    public static QuestionAnswerer.Factory wrapping(QuestionAnswerer.Factory others) {
        return () -> new ObjectAwareAnswerer(others.open());
    }

    @Override
    public float[] embed(String text) throws Exception {
        return others.embed(text);
    }

    @Override
    public Answer answer(Query query, List<MemoryEntry> memory) throws Exception {
        Optional<ObjectQuestion> question = ObjectQuestion.parse(query.question(), CocoLabels.NAMES);
        List<ObjectAnswers.Window> windows = memory.stream().filter(e -> StreamMemory.inSpan(query, e))
                .map(e -> new ObjectAnswers.Window(e.startMs(), e.endMs(), e.objects())).toList();
        if (question.isEmpty() || windows.stream().noneMatch(w -> w.objects().looked())) {
            return others.answer(query, memory);
        }
        ObjectAnswers.Answered answered = ObjectAnswers.answer(question.get(), windows);
        return new Answer(query.queryId(), query.streamId(), query.question(), answered.answer(), answered.evidence());
    }

    @Override
    public void close() throws Exception {
        others.close();
    }
}
