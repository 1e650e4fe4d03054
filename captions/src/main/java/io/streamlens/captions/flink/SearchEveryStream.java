package io.streamlens.captions.flink;

import io.streamlens.captions.memory.EveryStreamSearch;
import io.streamlens.captions.memory.MemoryBudget;
import io.streamlens.captions.memory.MemoryEntry;
import io.streamlens.captions.memory.MemoryOptions;
import io.streamlens.captions.memory.QuestionAnswerer;
import io.streamlens.records.CaptionedWindow;
import io.streamlens.records.PartialAnswer;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Questions about every stream. Each subtask keeps a search index of the streams it holds (each
 * window's span, caption, sentence embedding and objects, without the visual tokens
 * {@link AnswerQuery} keeps for a {@code vlm} pack to look at again), bounded and expiring as that
 * memory is. A question without a stream id is broadcast to every subtask, which visits each of its
 * streams' index through {@code applyToKeyedState} and sends its best windows on as a
 * {@link PartialAnswer}; {@link MergeAnswers} merges them per question.
 *
 * <p>The index is kept apart from {@link AnswerQuery}'s memory so that questions about one stream
 * keep their keyed path and their end-of-input timing unchanged; the price is a second copy of each
 * window's text and embedding (about 1.6 kB a window with all-MiniLM-L6-v2).
 *
 * <p>In bounded runs a question waits for the end of the input (in broadcast state), and each
 * stream adds its hits then, from its end-of-input timer.
 */
public class SearchEveryStream extends KeyedBroadcastProcessFunction<String, CaptionedWindow, Query, PartialAnswer> {
    /** Questions waiting for the end of a bounded input, by query id. */
    public static final MapStateDescriptor<String, Query> WAITING =
            new MapStateDescriptor<>("every-stream-questions", Types.STRING, TypeInformation.of(Query.class));
    /** More questions than this waiting at once are answered at once from what has been seen. */
    static final int MAX_WAITING = 1_000;
    private static final float[] NO_EMBEDDING = new float[0];

    private final QuestionAnswerer.Factory answerers;
    private final MemoryOptions options;
    private final boolean answerAtEndOfInput;
    private transient QuestionAnswerer answerer;
    private transient MemoryBudget budget;
    private transient ListStateDescriptor<MemoryEntry> indexDescriptor;
    private transient ListState<MemoryEntry> index;
    private transient ValueState<Integer> size;
    private transient Map<String, float[]> questionEmbeddings;

    public SearchEveryStream(QuestionAnswerer.Factory answerers, MemoryOptions options, boolean answerAtEndOfInput) {
        this.answerers = answerers;
        this.options = options;
        this.answerAtEndOfInput = answerAtEndOfInput;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        answerer = answerers.open();
        budget = new MemoryBudget(options);
        questionEmbeddings = new HashMap<>();
        StateTtlConfig ttl = StateTtlConfig.newBuilder(options.ttl()).cleanupInRocksdbCompactFilter(1000).build();
        indexDescriptor = new ListStateDescriptor<>("every-stream-index", MemoryEntry.class);
        indexDescriptor.enableTimeToLive(ttl);
        index = getRuntimeContext().getListState(indexDescriptor);
        ValueStateDescriptor<Integer> sizeDescriptor = new ValueStateDescriptor<>("every-stream-index-size", Types.INT);
        sizeDescriptor.enableTimeToLive(ttl);
        size = getRuntimeContext().getState(sizeDescriptor);
    }

    @Override
    public void processElement(CaptionedWindow window, ReadOnlyContext ctx, Collector<PartialAnswer> out) throws Exception {
        String text = window.caption().text();
        index.add(MemoryEntry.of(window.caption(), embed(text), 0, 0, null));
        int count = size.value() == null ? 1 : size.value() + 1;
        if (budget.mustTrim(count, 0)) {
            List<MemoryEntry> kept = budget.trim(index.get());
            index.update(kept);
            count = kept.size();
        }
        size.update(count);
        if (answerAtEndOfInput) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void processBroadcastElement(Query query, Context ctx, Collector<PartialAnswer> out) throws Exception {
        if (AnswerQuery.problemWith(query) != null) {
            // MergeAnswers answers with the problem, at once or at the end of the input
            out.collect(new PartialAnswer(query, answerAtEndOfInput ? 0 : parts(), List.of()));
            return;
        }
        if (answerAtEndOfInput && iterableSize(ctx.getBroadcastState(WAITING).entries()) < MAX_WAITING) {
            ctx.getBroadcastState(WAITING).put(query.queryId(), query);
            return;
        }
        EveryStreamSearch search = new EveryStreamSearch(query, embed(query.question()));
        ctx.applyToKeyedState(indexDescriptor, (streamId, entries) -> {
            if (search.wantsMore()) {
                search.visit(streamId, list(entries.get()));
            }
        });
        out.collect(new PartialAnswer(query, answerAtEndOfInput ? 0 : parts(), search.hits()));
    }

    /** End of a bounded input: this stream's hits for every waiting question. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PartialAnswer> out) throws Exception {
        List<MemoryEntry> entries = list(index.get());
        for (Map.Entry<String, Query> waiting : ctx.getBroadcastState(WAITING).immutableEntries()) {
            Query query = waiting.getValue();
            float[] embedding = questionEmbeddings.computeIfAbsent(query.queryId(), id -> embed(query.question()));
            EveryStreamSearch search = new EveryStreamSearch(query, embedding);
            search.visit(ctx.getCurrentKey(), entries);
            if (!search.hits().isEmpty()) {
                out.collect(new PartialAnswer(query, 0, search.hits()));
            }
        }
    }

    private int parts() {
        return getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    }

    /**
     * A failing embedder leaves the window or question to be found by its words only; the same
     * failure on the same caption is already a dead letter of {@link AnswerQuery}.
     */
    private float[] embed(String text) {
        try {
            return answerer.embed(text);
        } catch (Exception e) {
            return NO_EMBEDDING;
        }
    }

    private static List<MemoryEntry> list(Iterable<MemoryEntry> entries) {
        List<MemoryEntry> list = new ArrayList<>();
        if (entries != null) {
            entries.forEach(list::add);
        }
        return list;
    }

    private static int iterableSize(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws Exception {
        if (answerer != null) {
            answerer.close();
        }
    }
}
