package io.streamlens.events.flink;

import io.streamlens.events.rules.BadRule;
import io.streamlens.events.rules.RuleParser;
import io.streamlens.events.rules.RuleText;
import io.streamlens.events.rules.RuleUpdate;
import io.streamlens.records.DeadLetter;
import io.streamlens.records.DeadLetterReason;
import io.streamlens.records.Topics;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Checks each published rule once, before it is broadcast: a good one goes on as a
 * {@link RuleUpdate}, a bad one becomes a {@code bad-rule} dead letter saying what to fix and
 * changes nothing.
 */
public class ReadRules extends ProcessFunction<RuleText, RuleUpdate> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("rule-dead-letters") {
    };
    /** The stream id dead letters about rules go under: they belong to no video stream. */
    public static final String RULES_STREAM = Topics.RULES;

    @Override
    public void processElement(RuleText text, Context ctx, Collector<RuleUpdate> out) {
        try {
            if (!text.problem().isEmpty()) {
                throw new BadRule(text.problem());
            }
            RuleParser.Change change = RuleParser.parse(text.key().isEmpty() ? null : text.key(), text.json());
            out.collect(change instanceof RuleParser.Define d ? new RuleUpdate(d.ruleId(), d.rule().source())
                    : new RuleUpdate(change.ruleId(), ""));
        } catch (BadRule e) {
            ctx.output(DEAD_LETTERS, DeadLetter.of(RULES_STREAM, -1, text.origin(), DeadLetterReason.BAD_RULE, e.getMessage()));
        }
    }
}
