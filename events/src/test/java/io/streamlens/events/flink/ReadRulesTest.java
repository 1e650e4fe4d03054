package io.streamlens.events.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.rules.RuleText;
import io.streamlens.events.rules.RuleUpdate;
import io.streamlens.records.DeadLetter;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ReadRulesTest {
    @Test
    void shouldPassGoodRulesAndRemovalsOnAndDeadLetterBadOnes() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new ReadRules())) {
            h.processElement(new RuleText("video.rules/0/1", "cat-seen", "{\"ruleId\":\"cat-seen\",\"when\":{\"object\":\"cat\"}}", ""), 0);
            h.processElement(new RuleText("video.rules/0/2", "cat-seen", "", ""), 0);
            h.processElement(new RuleText("video.rules/0/3", "", "{\"ruleId\":\"x\",\"when\":{\"object\":\"dragon\"}}", ""), 0);
            h.processElement(new RuleText("video.rules/0/4", "", "", "the record has 70000 bytes; at most 16384 are read"), 0);

            assertThat(h.extractOutputValues()).containsExactly(
                    new RuleUpdate("cat-seen", "{\"ruleId\":\"cat-seen\",\"when\":{\"object\":\"cat\"}}"),
                    new RuleUpdate("cat-seen", ""));
            assertThat(h.getSideOutput(ReadRules.DEAD_LETTERS)).extracting(r -> r.getValue())
                    .extracting(DeadLetter::streamId, DeadLetter::source, DeadLetter::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("video.rules", "video.rules/0/3", "bad-rule"),
                            org.assertj.core.groups.Tuple.tuple("video.rules", "video.rules/0/4", "bad-rule"));
            assertThat(h.getSideOutput(ReadRules.DEAD_LETTERS).peek().getValue().detail()).contains("'dragon' is not an object");
        }
    }
}
