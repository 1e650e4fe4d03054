package io.streamlens.captions.flink;

import io.streamlens.captions.memory.MemoryBudget;
import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.captions.memory.MemoryOptions;
import io.streamlens.captions.memory.QuestionAnswerer;
import io.streamlens.captions.memory.StreamMemory;
import io.streamlens.records.Answer;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keeps each stream's caption timeline (with sentence embeddings, and the compressed visual tokens
 * of the newest windows) in RocksDB and answers questions about it. The memory is bounded by a
 * window count and a token byte budget ({@link MemoryBudget}), and expires after a time without
 * captions, so a stream's state stays bounded however long it runs.
 *
 * <p>When to answer: in live mode a question is answered at once from what the stream has shown so
 * far (or, for a stream not seen yet, after {@link MemoryOptions#waitForStream()}); in bounded runs (demo, annotate)
 * questions wait for the end of the input, so they are answered over the whole video.
 *
 * <p>A model failure never stops the job: a caption the embedder fails on is remembered without an
 * embedding (found by its words only), a question the answerer fails on is answered from the
 * words it shares with the captions, and each failure is a {@code model-failure} dead letter
 * ({@link #DEAD_LETTERS}).
 */
public class AnswerQuery extends KeyedCoProcessFunction<String, CaptionedWindow, Query, Answer> {
    /** Captions and questions the models failed on. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("answer-dead-letters") {
    };
    private static final float[] NO_EMBEDDING = new float[0];

    private final QuestionAnswerer.Factory answerers;
    private final MemoryOptions options;
    private final boolean answerAtEndOfInput;
    private transient QuestionAnswerer answerer;
    private transient MemoryBudget budget;
    private transient ListState<MemoryEntry> memory;
    private transient ValueState<Integer> size;
    private transient ValueState<Long> tokenBytes;
    private transient ListState<Query> waiting;

    /** @param answerAtEndOfInput whether the input ends (demo, annotate): questions then wait for its end */
    public AnswerQuery(QuestionAnswerer.Factory answerers, MemoryOptions options, boolean answerAtEndOfInput) {
        this.answerers = answerers;
        this.options = options;
        this.answerAtEndOfInput = answerAtEndOfInput;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        answerer = answerers.open();
        budget = new MemoryBudget(options);
        StateTtlConfig ttl = StateTtlConfig.newBuilder(options.ttl()).cleanupInRocksdbCompactFilter(1000).build();
        ListStateDescriptor<MemoryEntry> memoryDescriptor = new ListStateDescriptor<>("memory", MemoryEntry.class);
        memoryDescriptor.enableTimeToLive(ttl);
        memory = getRuntimeContext().getListState(memoryDescriptor);
        ValueStateDescriptor<Integer> sizeDescriptor = new ValueStateDescriptor<>("memory-size", Types.INT);
        sizeDescriptor.enableTimeToLive(ttl);
        size = getRuntimeContext().getState(sizeDescriptor);
        ValueStateDescriptor<Long> bytesDescriptor = new ValueStateDescriptor<>("memory-token-bytes", Types.LONG);
        bytesDescriptor.enableTimeToLive(ttl);
        tokenBytes = getRuntimeContext().getState(bytesDescriptor);
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-queries", Query.class));
    }

    @Override
    public void processElement1(CaptionedWindow window, Context ctx, Collector<Answer> out) throws Exception {
        String text = window.caption().text();
        float[] embedding;
        try {
            embedding = answerer.embed(text);
        } catch (Exception e) {
            ctx.output(DEAD_LETTERS, DeadLetter.of(window.streamId(), -1, window.caption().source(), DeadLetterReason.MODEL_FAILURE,
                    "caption " + window.caption().captionId() + " could not be embedded for questions: " + message(e)
                            + "; it is found by its words only"));
            embedding = NO_EMBEDDING;
        }
        MemoryEntry entry = MemoryEntry.of(window.caption(), embedding, window.count(), window.dim(), window.tokens());
        memory.add(entry);
        int count = size.value() == null ? 1 : size.value() + 1;
        long bytes = (tokenBytes.value() == null ? 0 : tokenBytes.value()) + entry.tokenBytes();
        if (budget.mustTrim(count, bytes)) {
            List<MemoryEntry> kept = budget.trim(memory.get());
            memory.update(kept);
            count = kept.size();
            bytes = MemoryBudget.tokenBytes(kept);
        }
        size.update(count);
        tokenBytes.update(bytes);
    }

    @Override
    public void processElement2(Query query, Context ctx, Collector<Answer> out) throws Exception {
        String problem = problemWith(query);
        if (problem != null) {
            out.collect(new Answer(query.queryId(), query.streamId(), clip(query.question()), problem, List.of()));
            return;
        }
        if (answerAtEndOfInput) {
            waiting.add(query);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        } else if (size.value() == null) {
            waiting.add(query);
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + options.waitForStream().toMillis());
        } else {
            out.collect(answer(query, ctx));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Answer> out) throws Exception {
        for (Query query : waiting.get()) {
            out.collect(answer(query, ctx));
        }
        waiting.clear();
    }

    private Answer answer(Query query, Context ctx) throws Exception {
        List<MemoryEntry> entries = new ArrayList<>();
        memory.get().forEach(entries::add);
        try {
            return answerer.answer(query, entries);
        } catch (Exception e) {
            ctx.output(DEAD_LETTERS, DeadLetter.of(ctx.getCurrentKey(), -1, "", DeadLetterReason.MODEL_FAILURE,
                    "question " + query.queryId() + " could not be answered by the model: " + message(e)
                            + "; it is answered from the words it shares with the captions"));
            return StreamMemory.answer(query, entries, NO_EMBEDDING);
        }
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static String problemWith(Query query) {
        if (query.problem() != null) {
            return query.problem();
        }
        if (query.question() == null || query.question().isBlank()) {
            return "The question is empty.";
        }
        if (query.question().length() > Query.MAX_QUESTION_CHARS) {
            return "The question is " + query.question().length() + " characters long; at most "
                    + Query.MAX_QUESTION_CHARS + " are accepted.";
        }
        if (query.fromMs() != null && query.toMs() != null && query.fromMs() > query.toMs()) {
            return "fromMs (" + query.fromMs() + ") is after toMs (" + query.toMs() + ").";
        }
        return null;
    }

    private static String clip(String question) {
        return question == null ? "" : question.length() <= 200 ? question : question.substring(0, 200) + "…";
    }

    @Override
    public void close() throws Exception {
        if (answerer != null) {
            answerer.close();
        }
    }
}
