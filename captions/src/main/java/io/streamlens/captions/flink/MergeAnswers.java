package io.streamlens.captions.flink;

import io.streamlens.captions.memory.EveryStreamSearch;
import io.streamlens.records.Answer;
import io.streamlens.records.PartialAnswer;
import io.streamlens.records.PartialAnswer.Hit;
import io.streamlens.records.Query;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Merges the partial answers of {@link SearchEveryStream} into one {@link Answer} per question,
 * keyed by query id: the best windows of every stream, each naming its stream, best first. In live
 * runs the answer goes out when every subtask's part is in; in bounded runs at the end of the input
 * (the question itself, on the first input, sets that timer, so a question no stream matched is
 * still answered). Only the best few hits are kept while parts arrive; state is cleared on answering.
 */
public class MergeAnswers extends KeyedCoProcessFunction<String, Query, PartialAnswer, Answer> {
    private final boolean answerAtEndOfInput;
    private transient ValueState<Query> query;
    private transient ListState<Hit> hits;
    private transient ValueState<Integer> partsIn;

    public MergeAnswers(boolean answerAtEndOfInput) {
        this.answerAtEndOfInput = answerAtEndOfInput;
    }

    @Override
    public void open(OpenContext context) {
        query = getRuntimeContext().getState(new ValueStateDescriptor<>("question", TypeInformation.of(Query.class)));
        hits = getRuntimeContext().getListState(new ListStateDescriptor<>("best-hits", TypeInformation.of(Hit.class)));
        partsIn = getRuntimeContext().getState(new ValueStateDescriptor<>("parts-in", Types.INT));
    }

    @Override
    public void processElement1(Query asked, Context ctx, Collector<Answer> out) throws Exception {
        if (answerAtEndOfInput) {
            query.update(asked);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void processElement2(PartialAnswer part, Context ctx, Collector<Answer> out) throws Exception {
        query.update(part.query());
        List<Hit> all = new ArrayList<>(part.hits());
        hits.get().forEach(all::add);
        hits.update(EveryStreamSearch.best(all));
        int in = (partsIn.value() == null ? 0 : partsIn.value()) + 1;
        partsIn.update(in);
        if (part.parts() > 0 && in >= part.parts()) {
            answer(out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Answer> out) throws Exception {
        answer(out);
    }

    private void answer(Collector<Answer> out) throws Exception {
        Query asked = query.value();
        if (asked == null) {
            return; // already answered
        }
        String problem = AnswerQuery.problemWith(asked);
        if (problem != null) {
            out.collect(new Answer(asked.queryId(), null, asked.question(), problem, List.of()));
        } else {
            List<Hit> best = new ArrayList<>();
            hits.get().forEach(best::add);
            out.collect(EveryStreamSearch.answer(asked, best));
        }
        query.clear();
        hits.clear();
        partsIn.clear();
    }
}
