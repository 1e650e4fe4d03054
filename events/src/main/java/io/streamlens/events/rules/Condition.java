package io.streamlens.events.rules;

import io.streamlens.records.Caption;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.SpokenWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rule asks of a window, read only from the caption's evidence: data, never code. Each
 * form answers with what it found in the window ({@code 2 cats}), or empty when it does not hold.
 * A detector that did not run never makes a condition hold, and never makes {@link Not} hold
 * either: "no cat" needs a look.
 */
public sealed interface Condition {

    Optional<String> test(WindowView window);

    /** Whether the detectors this condition reads looked at the window at all. */
    default boolean looked(WindowView window) {
        return true;
    }

    /** At least {@code atLeast} (at most {@code atMost}) distinct things of a COCO label; inside {@code region}, boxes whose centre is. */
    record ObjectCount(String label, int atLeast, int atMost, Area region) implements Condition {
        @Override
        public Optional<String> test(WindowView window) {
            ObjectEvidence seen = window.evidence().objects().of(label).orElse(null);
            int count = seen == null ? 0 : region.wholeFrame() ? seen.count()
                    : (int) seen.boxes().stream().filter(region::contains).count();
            if (!looked(window) || count < atLeast || count > atMost) {
                return Optional.empty();
            }
            return Optional.of(count + " " + label + (region.wholeFrame() ? "" : " in the region"));
        }

        @Override
        public boolean looked(WindowView window) {
            return window.evidence().objects().looked();
        }
    }

    /** A person seen {@code standing}, {@code sitting}, {@code lying} or with {@code arms raised}. */
    record Posture(String stance) implements Condition {
        @Override
        public Optional<String> test(WindowView window) {
            Long atMs = window.evidence().people().stances().get(stance);
            return atMs == null ? Optional.empty() : Optional.of("a person " + stance + " at " + atMs + " ms");
        }

        @Override
        public boolean looked(WindowView window) {
            return window.evidence().people().looked();
        }
    }

    /** On-screen text matching a case-insensitive wildcard pattern. */
    record TextSeen(TextPattern pattern) implements Condition {
        /** A window reads a few lines; a rule looks at no more than this many. */
        static final int MAX_LINES = 100;

        @Override
        public Optional<String> test(WindowView window) {
            return window.evidence().text().stream().limit(MAX_LINES).filter(pattern::matches).findFirst()
                    .map(line -> "text \"" + line + "\"");
        }
    }

    /** Words spoken one after the other, compared without case and punctuation. */
    record Said(List<String> words) implements Condition {
        public Said {
            words = List.copyOf(words);
        }

        @Override
        public Optional<String> test(WindowView window) {
            List<SpokenWord> heard = window.evidence().speech().words();
            for (int i = 0; i + words.size() <= heard.size(); i++) {
                int matched = 0;
                while (matched < words.size() && normalised(heard.get(i + matched).text()).equals(words.get(matched))) {
                    matched++;
                }
                if (matched == words.size()) {
                    return Optional.of("said \"" + String.join(" ", words) + "\" at " + heard.get(i).startMs() + " ms");
                }
            }
            return Optional.empty();
        }

        static String normalised(String word) {
            return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']", "");
        }
    }

    /** A new shot began inside the window. */
    record Cut() implements Condition {
        @Override
        public Optional<String> test(WindowView window) {
            List<Long> cuts = window.evidence().sceneChangesMs();
            return cuts.isEmpty() ? Optional.empty() : Optional.of("a cut at " + cuts.get(0) + " ms");
        }
    }

    /** The picture's motion label ({@code static}, {@code moving}, {@code cut}) and, optionally, a least mean frame difference. */
    record MotionLevel(String label, double atLeast) implements Condition {
        @Override
        public Optional<String> test(WindowView window) {
            Caption.Motion motion = window.evidence().motion();
            if (!looked(window) || (!label.isEmpty() && !label.equals(motion.label())) || motion.meanDifference() < atLeast) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "motion %s (%.3f)", motion.label(), motion.meanDifference()));
        }

        @Override
        public boolean looked(WindowView window) {
            return window.evidence().motion().meanDifference() >= 0;
        }
    }

    /**
     * The picture is gone: {@code black} (the window's caption calls it mostly black), {@code frozen}
     * (frames that do not change at all), {@code missing} (no frames, or a gap before the window).
     */
    record NoSignal(String kind) implements Condition {
        public static final List<String> KINDS = List.of("black", "frozen", "missing");
        /** Mean absolute luma difference below which consecutive frames are taken to be the same picture. */
        static final double FROZEN_DIFFERENCE = 0.002;

        @Override
        public Optional<String> test(WindowView window) {
            Caption.Evidence e = window.evidence();
            boolean holds = switch (kind) {
                case "black" -> e.frames() > 0 && window.caption().text().toLowerCase(Locale.ROOT).contains("mostly black");
                case "frozen" -> e.frames() > 1 && e.motion().meanDifference() >= 0 && e.motion().meanDifference() < FROZEN_DIFFERENCE
                        && e.sceneChangesMs().isEmpty();
                default -> e.frames() == 0 || window.gapMs() > 0;
            };
            if (!holds) {
                return Optional.empty();
            }
            return Optional.of(kind.equals("missing") && window.gapMs() > 0 ? "no video for " + window.gapMs() + " ms" : "picture " + kind);
        }
    }

    /** Every part holds. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public Optional<String> test(WindowView window) {
            List<String> found = new ArrayList<>();
            for (Condition part : parts) {
                Optional<String> f = part.test(window);
                if (f.isEmpty()) {
                    return Optional.empty();
                }
                found.add(f.get());
            }
            return Optional.of(String.join(", ", found));
        }

        @Override
        public boolean looked(WindowView window) {
            return parts.stream().allMatch(p -> p.looked(window));
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public Optional<String> test(WindowView window) {
            for (Condition part : parts) {
                Optional<String> f = part.test(window);
                if (f.isPresent()) {
                    return f;
                }
            }
            return Optional.empty();
        }
    }

    /** The part does not hold, in a window its detectors looked at. */
    record Not(Condition part) implements Condition {
        @Override
        public Optional<String> test(WindowView window) {
            return part.looked(window) && part.test(window).isEmpty() ? Optional.of("not " + part) : Optional.empty();
        }

        @Override
        public boolean looked(WindowView window) {
            return part.looked(window);
        }
    }
}
