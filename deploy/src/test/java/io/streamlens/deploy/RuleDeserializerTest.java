package io.streamlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.rules.RuleParser;
import io.streamlens.events.rules.RuleText;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleDeserializerTest {
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPassEveryRecordOnAsTextWithWhereItCameFrom() {
        RuleText rule = RuleDeserializer.read(utf8("cat-seen"), utf8("{\"ruleId\":\"cat-seen\"}"), "video.rules/0/7");
        assertThat(rule).isEqualTo(new RuleText("video.rules/0/7", "cat-seen", "{\"ruleId\":\"cat-seen\"}", ""));
        assertThat(RuleDeserializer.read(utf8("cat-seen"), null, "o")).isEqualTo(new RuleText("o", "cat-seen", "", ""));
        assertThat(RuleDeserializer.read(null, null, "o")).isEqualTo(new RuleText("o", "", "", ""));
    }

    @Test
    void shouldKeepOnlyWhyForARecordTooLargeToBeARule() {
        RuleText huge = RuleDeserializer.read(utf8("k".repeat(1000)), new byte[RuleParser.MAX_RULE_BYTES + 1], "o");
        assertThat(huge.json()).isEmpty();
        assertThat(huge.key()).as("an overlong key is no rule id").isEmpty();
        assertThat(huge.problem()).contains("16385 bytes");
    }
}
