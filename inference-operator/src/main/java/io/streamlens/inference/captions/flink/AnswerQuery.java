package io.streamlens.inference.captions.flink;

import io.streamlens.inference.captions.Embedder;
import io.streamlens.inference.captions.MemoryEntry;
import io.streamlens.inference.captions.StreamMemory;
import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.Query;
import java.io.Serializable;
import java.time.Duration;
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

/**
 * Keeps each stream's caption timeline (with sentence embeddings) in RocksDB and answers questions
 * about it. The memory is bounded by a window count and expires after a time without captions, so
 * a stream's state stays bounded however long it runs.
 *
 * <p>When to answer: in live mode a question is answered at once from what the stream has shown so
 * far (or, for a stream not seen yet, after {@code waitForStream}); in bounded runs (demo, annotate)
 * questions wait for the end of the input, so they are answered over the whole video.
 */
public class AnswerQuery extends KeyedCoProcessFunction<String, Caption, Query, Answer> {
    private final EmbedderFactory embedders;
    private final int maxWindows;
    private final Duration memoryTtl;
    private final boolean answerAtEndOfInput;
    private final long waitForStreamMs;
    private transient Embedder embedder;
    private transient ListState<MemoryEntry> memory;
    private transient ValueState<Integer> size;
    private transient ListState<Query> waiting;

    /** Opens the sentence embedder on the task manager. */
    @FunctionalInterface
    public interface EmbedderFactory extends Serializable {
        Embedder open() throws Exception;
    }

    public AnswerQuery(EmbedderFactory embedders, int maxWindows, Duration memoryTtl, boolean answerAtEndOfInput,
                       Duration waitForStream) {
        this.embedders = embedders;
        this.maxWindows = maxWindows;
        this.memoryTtl = memoryTtl;
        this.answerAtEndOfInput = answerAtEndOfInput;
        this.waitForStreamMs = waitForStream.toMillis();
    }

    @Override
    public void open(OpenContext context) throws Exception {
        embedder = embedders.open();
        StateTtlConfig ttl = StateTtlConfig.newBuilder(memoryTtl).cleanupInRocksdbCompactFilter(1000).build();
        ListStateDescriptor<MemoryEntry> memoryDescriptor = new ListStateDescriptor<>("memory", MemoryEntry.class);
        memoryDescriptor.enableTimeToLive(ttl);
        memory = getRuntimeContext().getListState(memoryDescriptor);
        ValueStateDescriptor<Integer> sizeDescriptor = new ValueStateDescriptor<>("memory-size", Types.INT);
        sizeDescriptor.enableTimeToLive(ttl);
        size = getRuntimeContext().getState(sizeDescriptor);
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-queries", Query.class));
    }

    @Override
    public void processElement1(Caption caption, Context ctx, Collector<Answer> out) throws Exception {
        String text = caption.text();
        memory.add(new MemoryEntry(caption.startMs(), caption.endMs(), text, embedder.embed(text)));
        int count = size.value() == null ? 1 : size.value() + 1;
        if (count > maxWindows + maxWindows / 4) {
            // Trim in batches: rewriting a RocksDB list on every caption would cost more than it saves.
            List<MemoryEntry> all = new ArrayList<>();
            memory.get().forEach(all::add);
            memory.update(all.subList(all.size() - maxWindows, all.size()));
            count = maxWindows;
        }
        size.update(count);
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
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + waitForStreamMs);
        } else {
            out.collect(answer(query));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Answer> out) throws Exception {
        for (Query query : waiting.get()) {
            out.collect(answer(query));
        }
        waiting.clear();
    }

    private Answer answer(Query query) throws Exception {
        List<MemoryEntry> entries = new ArrayList<>();
        memory.get().forEach(entries::add);
        return StreamMemory.answer(query, entries, embedder.embed(query.question()));
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
        if (embedder instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
