package io.streamlens.events.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlens.records.CocoLabels;
import io.streamlens.records.Durations;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads rules from untrusted JSON, strictly: every field is known, typed and bounded, and anything
 * else is a {@link BadRule} saying what to fix. A record with a {@code ruleId} and no {@code when}
 * removes that rule.
 *
 * <pre>{@code
 * {"ruleId": "truck-at-gate", "streams": ["gate-*"], "when": {"object": "truck", "atLeast": 1},
 *  "region": [0.5, 0.4, 1, 1], "for": "10s", "between": ["22:00", "06:00"], "timeZone": "Europe/Berlin"}
 * }</pre>
 */
public final class RuleParser {
    public static final int MAX_RULE_BYTES = 16 * 1024;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_CONDITIONS = 64;
    public static final int MAX_COUNT = 1000;
    public static final int MAX_WORDS = 10;
    public static final int MAX_WORD_CHARS = 64;
    public static final int MAX_TITLE_CHARS = 200;
    public static final int MAX_RULES_PER_FILE = 1000;
    public static final Duration MAX_HOLD = Duration.ofHours(24);
    public static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    public static final List<String> STANCES = List.of("standing", "sitting", "lying", "arms raised");
    public static final List<String> MOTION_LABELS = List.of("static", "moving", "cut");

    private static final Set<String> RULE_FIELDS = Set.of("ruleId", "streams", "when", "for", "region", "between", "timeZone", "title");
    private static final List<String> FORMS = List.of("object", "posture", "text", "said", "cut", "motion", "noSignal", "all", "any", "not");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * MAX_DEPTH + 4)
                    .maxStringLength(MAX_RULE_BYTES).maxNumberLength(32).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private RuleParser() {
    }

    /** What one record of the rules topic asks for. */
    public sealed interface Change {
        String ruleId();
    }

    /** Add the rule, or replace the one with its id. */
    public record Define(Rule rule) implements Change {
        @Override
        public String ruleId() {
            return rule.ruleId();
        }
    }

    /** Remove the rule with this id. */
    public record Remove(String ruleId) implements Change {
    }

    /** One rule record; {@code keyRuleId} is the Kafka key, which a tombstone (null text) removes. */
    public static Change parse(String keyRuleId, String json) {
        if (json == null || json.isBlank()) {
            if (keyRuleId == null || !RULE_ID.matcher(keyRuleId).matches()) {
                throw new BadRule("an empty rule record removes the rule named by its key, and its key is no rule id");
            }
            return new Remove(keyRuleId);
        }
        return parse(tree(json));
    }

    public static Change parse(String json) {
        return parse(null, json);
    }

    /** A {@code --rules} file: a JSON array of rules, all of them good, or one message listing what is wrong with each bad one. */
    public static List<Rule> parseFile(String json) {
        JsonNode root = tree(json, MAX_RULES_PER_FILE * (long) MAX_RULE_BYTES);
        if (!root.isArray()) {
            throw new BadRule("a rules file is a JSON array of rules, not " + kind(root));
        }
        if (root.size() > MAX_RULES_PER_FILE) {
            throw new BadRule("a rules file may hold at most " + MAX_RULES_PER_FILE + " rules, got " + root.size());
        }
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                if (parse(root.get(i)) instanceof Define d) {
                    rules.add(d.rule());
                } else {
                    problems.add("rule " + (i + 1) + ": has no 'when'; a rules file only defines rules");
                }
            } catch (BadRule e) {
                problems.add("rule " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRule(String.join("; ", problems));
        }
        return rules;
    }

    private static JsonNode tree(String json) {
        return tree(json, MAX_RULE_BYTES);
    }

    private static JsonNode tree(String json, long maxBytes) {
        long bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new BadRule("the rule has " + bytes + " bytes; at most " + maxBytes + " are read");
        }
        try {
            JsonParser parser = MAPPER.createParser(json);
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || parser.nextToken() != null) {
                throw new BadRule("a rule is one JSON value; this text is " + (node == null ? "empty" : "followed by more"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRule("not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRule("not readable JSON: " + e.getMessage());
        }
    }

    private static Change parse(JsonNode root) {
        if (!root.isObject()) {
            throw new BadRule("a rule is a JSON object, not " + kind(root));
        }
        unknownFields(root, RULE_FIELDS, "a rule");
        String ruleId = ruleId(root.get("ruleId"));
        JsonNode when = root.get("when");
        if (when == null || when.isNull()) {
            if (root.size() > 1 + (when == null ? 0 : 1)) {
                throw new BadRule("rule '" + ruleId + "' has no 'when': that removes a rule, and a removal carries only its ruleId");
            }
            return new Remove(ruleId);
        }
        try {
            Area region = root.has("region") ? area(root.get("region")) : Area.WHOLE_FRAME;
            Condition condition = condition(when, region, 1, new int[] {0});
            StreamSelector streams = root.has("streams") ? new StreamSelector(strings(root.get("streams"), "streams", StreamSelector.MAX_PATTERNS))
                    : StreamSelector.ALL;
            Duration holdFor = root.has("for") ? duration(root.get("for")) : Duration.ZERO;
            DailyWindow armed = dailyWindow(root.get("between"), root.get("timeZone"));
            String title = root.has("title") ? text(root.get("title"), "title", MAX_TITLE_CHARS) : "";
            return new Define(new Rule(ruleId, streams, condition, holdFor, armed, title, root.toString()));
        } catch (BadRule e) {
            throw new BadRule("rule '" + ruleId + "': " + e.getMessage());
        }
    }

    private static String ruleId(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new BadRule("a rule needs a 'ruleId' string (letters, digits, '.', '_', ':', '-'; at most 128)");
        }
        if (!RULE_ID.matcher(node.textValue()).matches()) {
            throw new BadRule("'ruleId' may hold letters, digits, '.', '_', ':' and '-' (at most 128, starting with a letter or digit), got '"
                    + clip(node.textValue()) + "'");
        }
        return node.textValue();
    }

    private static Condition condition(JsonNode node, Area region, int depth, int[] count) {
        if (depth > MAX_DEPTH) {
            throw new BadRule("conditions nest at most " + MAX_DEPTH + " deep");
        }
        if (++count[0] > MAX_CONDITIONS) {
            throw new BadRule("a rule may have at most " + MAX_CONDITIONS + " conditions");
        }
        if (node == null || !node.isObject()) {
            throw new BadRule("a condition is a JSON object like {\"object\": \"cat\"}, not " + kind(node));
        }
        List<String> forms = FORMS.stream().filter(node::has).toList();
        if (forms.size() != 1) {
            throw new BadRule("a condition has exactly one of " + FORMS + ", got " + (forms.isEmpty() ? "none: " + fieldNames(node) : forms));
        }
        String form = forms.get(0);
        JsonNode value = node.get(form);
        return switch (form) {
            case "object" -> objectCount(node, value, region);
            case "posture" -> {
                unknownFields(node, Set.of("posture"), "a posture condition");
                String stance = text(value, "posture", 32).toLowerCase(Locale.ROOT);
                if (!STANCES.contains(stance)) {
                    throw new BadRule("'posture' is one of " + STANCES + ", got '" + clip(stance) + "'");
                }
                yield new Condition.Posture(stance);
            }
            case "text" -> {
                unknownFields(node, Set.of("text"), "a text condition");
                yield new Condition.TextSeen(new TextPattern(text(value, "text", TextPattern.MAX_PATTERN_CHARS)));
            }
            case "said" -> {
                unknownFields(node, Set.of("said"), "a said condition");
                yield new Condition.Said(words(text(value, "said", MAX_WORDS * (MAX_WORD_CHARS + 1))));
            }
            case "cut" -> {
                unknownFields(node, Set.of("cut"), "a cut condition");
                if (!value.isBoolean() || !value.booleanValue()) {
                    throw new BadRule("'cut' is true (use {\"not\": {\"cut\": true}} for windows without a cut)");
                }
                yield new Condition.Cut();
            }
            case "motion" -> {
                unknownFields(node, Set.of("motion", "atLeast"), "a motion condition");
                String label = text(value, "motion", 16).toLowerCase(Locale.ROOT);
                if (!label.equals("any") && !MOTION_LABELS.contains(label)) {
                    throw new BadRule("'motion' is one of " + MOTION_LABELS + " or any, got '" + clip(label) + "'");
                }
                double atLeast = node.has("atLeast") ? fraction(node.get("atLeast"), "atLeast") : 0;
                yield new Condition.MotionLevel(label.equals("any") ? "" : label, atLeast);
            }
            case "noSignal" -> {
                unknownFields(node, Set.of("noSignal"), "a noSignal condition");
                String kind = text(value, "noSignal", 16).toLowerCase(Locale.ROOT);
                if (!Condition.NoSignal.KINDS.contains(kind)) {
                    throw new BadRule("'noSignal' is one of " + Condition.NoSignal.KINDS + ", got '" + clip(kind) + "'");
                }
                yield new Condition.NoSignal(kind);
            }
            case "not" -> {
                unknownFields(node, Set.of("not"), "a not condition");
                yield new Condition.Not(condition(value, region, depth + 1, count));
            }
            default -> {
                unknownFields(node, Set.of(form), "an " + form + " condition");
                if (!value.isArray() || value.isEmpty()) {
                    throw new BadRule("'" + form + "' is a non-empty array of conditions");
                }
                List<Condition> parts = new ArrayList<>();
                for (JsonNode part : value) {
                    parts.add(condition(part, region, depth + 1, count));
                }
                yield form.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
            }
        };
    }

    private static Condition objectCount(JsonNode node, JsonNode value, Area ruleRegion) {
        unknownFields(node, Set.of("object", "atLeast", "atMost", "region"), "an object condition");
        String label = text(value, "object", 32).toLowerCase(Locale.ROOT);
        if (!CocoLabels.NAMES.contains(label)) {
            throw new BadRule("'" + clip(label) + "' is not an object the detector knows; it knows the 80 COCO classes "
                    + "(person, car, truck, cat, dog, bicycle …)");
        }
        int atMost = node.has("atMost") ? count(node.get("atMost"), "atMost") : Integer.MAX_VALUE;
        int atLeast = node.has("atLeast") ? count(node.get("atLeast"), "atLeast") : Math.min(1, atMost); // {"atMost": 0}: none
        if (atMost < atLeast) {
            throw new BadRule("'atMost' (" + atMost + ") is below 'atLeast' (" + atLeast + ")");
        }
        Area region = node.has("region") ? area(node.get("region")) : ruleRegion;
        return new Condition.ObjectCount(label, atLeast, atMost, region);
    }

    private static List<String> words(String said) {
        List<String> words = java.util.Arrays.stream(said.trim().split("\\s+")).map(Condition.Said::normalised)
                .filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            throw new BadRule("'said' is 1 to " + MAX_WORDS + " words, got " + words.size());
        }
        if (words.stream().anyMatch(w -> w.length() > MAX_WORD_CHARS)) {
            throw new BadRule("a word in 'said' may have at most " + MAX_WORD_CHARS + " characters");
        }
        return words;
    }

    private static Area area(JsonNode node) {
        if (node == null || !node.isArray() || node.size() != 4) {
            throw new BadRule("'region' is [x0, y0, x1, y1] in relative coordinates (0..1), not " + kind(node));
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!node.get(i).isNumber()) {
                throw new BadRule("'region' holds four numbers, got " + kind(node.get(i)));
            }
            v[i] = node.get(i).doubleValue();
        }
        return new Area(v[0], v[1], v[2], v[3]);
    }

    private static Duration duration(JsonNode node) {
        Duration d;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            d = Duration.ofSeconds(Math.min(node.longValue(), MAX_HOLD.toSeconds() + 1));
            if (node.longValue() < 0) {
                throw new BadRule("'for' must not be negative");
            }
        } else if (node.isTextual() && node.textValue().length() <= 32) {
            try {
                d = Durations.parse(node.textValue());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new BadRule("'for' is a duration like \"10s\", \"500ms\", \"2m\", got '" + clip(node.textValue()) + "'");
            }
        } else {
            throw new BadRule("'for' is a duration like \"10s\", \"500ms\" or \"2m\", not " + kind(node));
        }
        if (d.isNegative() || d.compareTo(MAX_HOLD) > 0) {
            throw new BadRule("'for' is between 0 and 24h");
        }
        return d;
    }

    private static DailyWindow dailyWindow(JsonNode between, JsonNode timeZone) {
        if (between == null) {
            if (timeZone != null) {
                throw new BadRule("'timeZone' only goes with 'between'");
            }
            return DailyWindow.ALWAYS;
        }
        List<String> hours = strings(between, "between", 2);
        if (hours.size() != 2) {
            throw new BadRule("'between' is [\"HH:MM\", \"HH:MM\"], e.g. [\"22:00\", \"06:00\"]");
        }
        ZoneId zone = ZoneId.of("UTC");
        if (timeZone != null) {
            String name = text(timeZone, "timeZone", 64);
            try {
                zone = ZoneId.of(name);
            } catch (DateTimeException e) {
                throw new BadRule("'timeZone' is a zone id like \"UTC\" or \"Europe/Berlin\", got '" + clip(name) + "'");
            }
        }
        try {
            DailyWindow window = new DailyWindow(LocalTime.parse(hours.get(0), HOUR_MINUTE), LocalTime.parse(hours.get(1), HOUR_MINUTE), zone);
            if (window.from().equals(window.to())) {
                throw new BadRule("'between' needs two different times; leave it out for a rule armed all day");
            }
            return window;
        } catch (DateTimeParseException e) {
            throw new BadRule("'between' is [\"HH:MM\", \"HH:MM\"] on a 24-hour clock, got " + clip(between.toString()));
        }
    }

    private static List<String> strings(JsonNode node, String field, int max) {
        if (node == null || !node.isArray()) {
            throw new BadRule("'" + field + "' is an array of strings, not " + kind(node));
        }
        if (node.size() > max) {
            throw new BadRule("'" + field + "' may hold at most " + max + " entries, got " + node.size());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : node) {
            values.add(text(v, field, StreamSelector.MAX_PATTERN_CHARS));
        }
        return values;
    }

    private static String text(JsonNode node, String field, int maxChars) {
        if (node == null || !node.isTextual()) {
            throw new BadRule("'" + field + "' is a string, not " + kind(node));
        }
        if (node.textValue().length() > maxChars) {
            throw new BadRule("'" + field + "' may have at most " + maxChars + " characters, got " + node.textValue().length());
        }
        return node.textValue();
    }

    private static int count(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > MAX_COUNT) {
            throw new BadRule("'" + field + "' is a whole number from 0 to " + MAX_COUNT + ", got " + clip(node.toString()));
        }
        return node.intValue();
    }

    private static double fraction(JsonNode node, String field) {
        if (!node.isNumber() || !(node.doubleValue() >= 0 && node.doubleValue() <= 1)) {
            throw new BadRule("'" + field + "' is a number from 0 to 1 (mean frame difference), got " + clip(node.toString()));
        }
        return node.doubleValue();
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String what) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadRule(what + " has no field '" + clip(name) + "'; it takes " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> names.add(clip(n)));
        return names.toString();
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Echo at most a little of what was sent: a dead letter must not carry a hostile megabyte back. */
    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
