package io.streamlens.events.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    static Rule define(String json) {
        return ((RuleParser.Define) RuleParser.parse(json)).rule();
    }

    @Test
    void shouldReadEveryFormTheIssueNames() {
        Rule cat = define("{\"ruleId\": \"cat-seen\", \"streams\": [\"*\"], \"when\": {\"object\": \"cat\", \"atLeast\": 1}}");
        assertThat(cat.when()).isEqualTo(new Condition.ObjectCount("cat", 1, Integer.MAX_VALUE, Area.WHOLE_FRAME));
        assertThat(cat.streams().selects("anything")).isTrue();

        Rule sign = define("{\"ruleId\": \"platform-sign\", \"streams\": [\"signs\"], \"when\": {\"text\": \"PLATFORM\"}}");
        assertThat(sign.when()).isEqualTo(new Condition.TextSeen(new TextPattern("PLATFORM")));
        assertThat(sign.streams().selects("signs")).isTrue();
        assertThat(sign.streams().selects("signs-2")).isFalse();

        assertThat(define("{\"ruleId\": \"help\", \"when\": {\"said\": \"Help!\"}}").when())
                .isEqualTo(new Condition.Said(List.of("help")));
        assertThat(define("{\"ruleId\": \"down\", \"when\": {\"posture\": \"lying\"}}").when()).isEqualTo(new Condition.Posture("lying"));

        Rule combined = define("{\"ruleId\": \"c\", \"for\": \"10s\", \"region\": [0.5, 0, 1, 1], \"when\": {\"all\": ["
                + "{\"any\": [{\"object\": \"truck\"}, {\"object\": \"car\", \"atLeast\": 2}]}, {\"not\": {\"cut\": true}}]}}");
        assertThat(combined.holdFor()).isEqualTo(Duration.ofSeconds(10));
        Area right = new Area(0.5, 0, 1, 1);
        assertThat(combined.when()).isEqualTo(new Condition.All(List.of(
                new Condition.Any(List.of(new Condition.ObjectCount("truck", 1, Integer.MAX_VALUE, right),
                        new Condition.ObjectCount("car", 2, Integer.MAX_VALUE, right))),
                new Condition.Not(new Condition.Cut()))));
    }

    @Test
    void shouldReadPrefixesHoursAndTheOtherConditions() {
        Rule night = define("{\"ruleId\": \"night\", \"streams\": [\"gate-*\", \"yard\"], \"between\": [\"22:00\", \"06:00\"],"
                + " \"timeZone\": \"Europe/Berlin\", \"title\": \"Truck at night\", \"when\": {\"object\": \"truck\", \"region\": [0, 0, 0.5, 0.5]}}");
        assertThat(night.streams().selects("gate-north")).isTrue();
        assertThat(night.streams().selects("yard")).isTrue();
        assertThat(night.streams().selects("yard-2")).isFalse();
        assertThat(night.armed().from()).isEqualTo(LocalTime.of(22, 0));
        assertThat(night.title()).isEqualTo("Truck at night");
        assertThat(define("{\"ruleId\": \"m\", \"when\": {\"motion\": \"moving\", \"atLeast\": 0.05}}").when())
                .isEqualTo(new Condition.MotionLevel("moving", 0.05));
        assertThat(define("{\"ruleId\": \"b\", \"for\": 30, \"when\": {\"noSignal\": \"black\"}}").holdFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTakeARecordWithoutWhenOrATombstoneAsARemoval() {
        assertThat(RuleParser.parse("{\"ruleId\": \"cat-seen\"}")).isEqualTo(new RuleParser.Remove("cat-seen"));
        assertThat(RuleParser.parse("{\"ruleId\": \"cat-seen\", \"when\": null}")).isEqualTo(new RuleParser.Remove("cat-seen"));
        assertThat(RuleParser.parse("cat-seen", null)).isEqualTo(new RuleParser.Remove("cat-seen"));
    }

    /** Each line: a bad rule, then after the last '|' what its error must say. */
    private static final String[] BAD_RULES = {
            "not json at all                                                   | not valid JSON",
            "[1, 2]                                                            | a rule is a JSON object, not array",
            "{\"when\": {\"object\": \"cat\"}}                                 | needs a 'ruleId'",
            "{\"ruleId\": \"a b\", \"when\": {\"object\": \"cat\"}}            | 'ruleId' may hold letters",
            "{\"ruleId\": \"r\", \"wehn\": {\"object\": \"cat\"}}              | a rule has no field 'wehn'",
            "{\"ruleId\": \"r\", \"when\": {\"object\": \"unicorn\"}}          | 'unicorn' is not an object the detector knows",
            "{\"ruleId\": \"r\", \"when\": {\"object\": \"cat\", \"atLeast\": -1}} | 'atLeast' is a whole number from 0 to 1000",
            "{\"ruleId\": \"r\", \"when\": {\"object\": \"cat\", \"atLeast\": 1.5}} | 'atLeast' is a whole number",
            "{\"ruleId\": \"r\", \"when\": {\"object\": \"cat\", \"atLeast\": 3, \"atMost\": 2}} | 'atMost' (2) is below 'atLeast' (3)",
            "{\"ruleId\": \"r\", \"when\": {\"object\": \"cat\", \"region\": [0.5, 0, 0.2, 1]}} | a region is [x0, y0, x1, y1]",
            "{\"ruleId\": \"r\", \"region\": [0, 0, 1], \"when\": {\"object\": \"cat\"}} | 'region' is [x0, y0, x1, y1]",
            "{\"ruleId\": \"r\", \"when\": {\"object\": \"cat\", \"colour\": \"red\"}} | an object condition has no field 'colour'",
            "{\"ruleId\": \"r\", \"when\": {\"object\": \"cat\", \"text\": \"x\"}} | exactly one of",
            "{\"ruleId\": \"r\", \"when\": {}}                                 | exactly one of",
            "{\"ruleId\": \"r\", \"when\": \"cat\"}                            | a condition is a JSON object",
            "{\"ruleId\": \"r\", \"when\": {\"posture\": \"dancing\"}}         | 'posture' is one of",
            "{\"ruleId\": \"r\", \"when\": {\"text\": \"\"}}                   | must not be empty",
            "{\"ruleId\": \"r\", \"when\": {\"text\": \"**\"}}                 | matches anything",
            "{\"ruleId\": \"r\", \"when\": {\"text\": 12}}                     | 'text' is a string, not number",
            "{\"ruleId\": \"r\", \"when\": {\"said\": \"a b c d e f g h i j k\"}} | 'said' is 1 to 10 words",
            "{\"ruleId\": \"r\", \"when\": {\"said\": \"!!!\"}}                | 'said' is 1 to 10 words, got 0",
            "{\"ruleId\": \"r\", \"when\": {\"cut\": false}}                   | 'cut' is true",
            "{\"ruleId\": \"r\", \"when\": {\"motion\": \"fast\"}}             | 'motion' is one of",
            "{\"ruleId\": \"r\", \"when\": {\"motion\": \"moving\", \"atLeast\": 2}} | 'atLeast' is a number from 0 to 1",
            "{\"ruleId\": \"r\", \"when\": {\"noSignal\": \"snow\"}}           | 'noSignal' is one of",
            "{\"ruleId\": \"r\", \"when\": {\"all\": []}}                      | 'all' is a non-empty array",
            "{\"ruleId\": \"r\", \"when\": {\"any\": {\"cut\": true}}}         | 'any' is a non-empty array",
            "{\"ruleId\": \"r\", \"for\": \"forever\", \"when\": {\"cut\": true}} | 'for' is a duration",
            "{\"ruleId\": \"r\", \"for\": \"25h\", \"when\": {\"cut\": true}}  | 'for' is between 0 and 24h",
            "{\"ruleId\": \"r\", \"for\": -3, \"when\": {\"cut\": true}}       | 'for' must not be negative",
            "{\"ruleId\": \"r\", \"between\": [\"22:00\"], \"when\": {\"cut\": true}} | 'between' is",
            "{\"ruleId\": \"r\", \"between\": [\"25:00\", \"06:00\"], \"when\": {\"cut\": true}} | 24-hour clock",
            "{\"ruleId\": \"r\", \"between\": [\"22:00\", \"06:00\"], \"timeZone\": \"Mars/Olympus\", \"when\": {\"cut\": true}} | 'timeZone' is a zone id",
            "{\"ruleId\": \"r\", \"timeZone\": \"UTC\", \"when\": {\"cut\": true}} | 'timeZone' only goes with 'between'",
            "{\"ruleId\": \"r\", \"streams\": [], \"when\": {\"cut\": true}}   | must name at least one stream",
            "{\"ruleId\": \"r\", \"streams\": [\"*gate\"], \"when\": {\"cut\": true}} | may only end a stream prefix",
            "{\"ruleId\": \"r\", \"streams\": \"cam\", \"when\": {\"cut\": true}} | 'streams' is an array of strings",
            "{\"ruleId\": \"r\", \"title\": 5, \"when\": {\"cut\": true}}      | 'title' is a string",
            "{\"ruleId\": \"r\", \"ruleId\": \"s\", \"when\": {\"cut\": true}} | Duplicate field",
            "{\"ruleId\": \"r\", \"streams\": [\"a\"]}                         | has no 'when'",
            "{\"ruleId\": \"r\", \"when\": {\"cut\": true}} {\"x\": 1}         | followed by more",
    };

    @Test
    void shouldRefuseABadRuleOfEveryKindSayingWhatToFix() {
        for (String line : BAD_RULES) {
            String json = line.substring(0, line.lastIndexOf('|')).trim();
            String message = line.substring(line.lastIndexOf('|') + 1).trim();
            assertThatThrownBy(() -> RuleParser.parse(json)).as(json).isInstanceOf(BadRule.class).hasMessageContaining(message);
        }
    }

    @Test
    void shouldBoundNestingConditionCountAndSize() {
        String deep = "{\"cut\": true}";
        for (int i = 0; i < RuleParser.MAX_DEPTH; i++) {
            deep = "{\"not\": " + deep + "}";
        }
        String tooDeep = deep;
        assertThatThrownBy(() -> RuleParser.parse("{\"ruleId\": \"r\", \"when\": " + tooDeep + "}"))
                .isInstanceOf(BadRule.class).hasMessageContaining("nest at most 8 deep");
        String many = "{\"any\": [" + String.join(",", java.util.Collections.nCopies(70, "{\"cut\": true}")) + "]}";
        assertThatThrownBy(() -> RuleParser.parse("{\"ruleId\": \"r\", \"when\": " + many + "}"))
                .isInstanceOf(BadRule.class).hasMessageContaining("at most 64 conditions");
        String brackets = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> RuleParser.parse(brackets)).isInstanceOf(BadRule.class).hasMessageContaining("not valid JSON");
        String huge = "{\"ruleId\": \"r\", \"title\": \"" + "x".repeat(20_000) + "\", \"when\": {\"cut\": true}}";
        assertThatThrownBy(() -> RuleParser.parse(huge)).isInstanceOf(BadRule.class).hasMessageContaining("at most 16384 are read");
    }

    @Test
    void shouldReadARulesFileWhole_orRefuseItNamingEachBadRule() {
        List<Rule> rules = RuleParser.parseFile("[{\"ruleId\": \"a\", \"when\": {\"cut\": true}}, {\"ruleId\": \"b\", \"when\": {\"said\": \"help\"}}]");
        assertThat(rules).extracting(Rule::ruleId).containsExactly("a", "b");
        assertThatThrownBy(() -> RuleParser.parseFile("[{\"ruleId\": \"a\", \"when\": {\"cut\": true}}, {\"ruleId\": \"b\"}, "
                + "{\"ruleId\": \"c\", \"when\": {\"object\": \"dragon\"}}]"))
                .isInstanceOf(BadRule.class)
                .hasMessageContaining("rule 2: has no 'when'")
                .hasMessageContaining("rule 3: rule 'c': 'dragon' is not an object");
        assertThatThrownBy(() -> RuleParser.parseFile("{\"ruleId\": \"a\"}")).hasMessageContaining("a JSON array of rules");
    }

    /**
     * Mutations of good rules (bytes flipped, cut, repeated, fields swapped for hostile values):
     * every one is either a rule or a BadRule, never another exception.
     */
    @Test
    void shouldAnswerEveryMutatedRuleWithARuleOrABadRule() {
        List<String> seeds = List.of(
                "{\"ruleId\": \"c\", \"streams\": [\"gate-*\"], \"for\": \"10s\", \"region\": [0.5, 0, 1, 1], \"between\": [\"22:00\", \"06:00\"],"
                        + " \"when\": {\"all\": [{\"any\": [{\"object\": \"truck\"}, {\"object\": \"car\", \"atLeast\": 2, \"atMost\": 5}]},"
                        + " {\"not\": {\"cut\": true}}, {\"text\": \"PLA*RM ?2\"}, {\"said\": \"help me\"}, {\"posture\": \"arms raised\"},"
                        + " {\"motion\": \"moving\", \"atLeast\": 0.1}, {\"noSignal\": \"frozen\"}]}}",
                "{\"ruleId\": \"cat-seen\", \"streams\": [\"*\"], \"when\": {\"object\": \"cat\", \"atLeast\": 1}}");
        String[] hostile = {"null", "-1", "1e309", "\"\"", "[]", "{}", "true", "\"\\u0000\"", "99999999999999999999", "[[[[[[", "\"*?*?*?*\""};
        Random random = new Random(16);
        int rules = 0;
        int bad = 0;
        for (int i = 0; i < 20_000; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            StringBuilder s = new StringBuilder(seed);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(5)) {
                    case 0 -> s.setCharAt(at, (char) random.nextInt(128));
                    case 1 -> s.delete(at, Math.min(s.length(), at + random.nextInt(8)));
                    case 2 -> s.insert(at, hostile[random.nextInt(hostile.length)]);
                    case 3 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(40))));
                    default -> s.setLength(at);
                }
            }
            try {
                RuleParser.Change change = RuleParser.parse(s.toString());
                assertThat(change.ruleId()).matches(RuleParser.RULE_ID);
                rules++;
            } catch (BadRule expected) {
                assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(2000);
                bad++;
            }
        }
        assertThat(rules).isPositive();
        assertThat(bad).isPositive();
    }
}
