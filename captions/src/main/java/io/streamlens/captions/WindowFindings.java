package io.streamlens.captions;

import io.streamlens.records.AudioSpan;
import io.streamlens.records.Caption;
import io.streamlens.records.FaceExpression;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.Looks;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.PersonPosture;
import io.streamlens.records.SpokenWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A window's findings beyond text and shots, merged from its frames and words: who was in view
 * (the frame with the most people), how much the picture moved, the colours most frames showed,
 * and what was said.
 */
final class WindowFindings {
    /**
     * Mean frame-to-frame luma difference below which the picture counts as still. Measured on the
     * samples: screen recordings and still shots 0–0.001, a hand-held phone over a dog lying still
     * 0.006, a moving square or hand-held close-ups 0.02–0.05.
     */
    static final double STILL_BELOW = 0.003;
    /** The key {@link #stances} gives raised arms, beside the stances proper. */
    static final String ARMS_RAISED = "arms raised";

    private WindowFindings() {
    }

    static Caption.People people(List<FrameAnalysis> frames) {
        Optional<FrameAnalysis> busiest = frames.stream().filter(f -> f.people().looked())
                .max(Comparator.comparingInt((FrameAnalysis f) -> f.people().people().size())
                        .thenComparingInt(f -> f.people().faces().size()));
        if (busiest.isEmpty()) {
            return Caption.People.NOT_LOOKED;
        }
        PeopleInView seen = busiest.get().people();
        long smilingMs = frames.stream().filter(f -> f.people().expressions().stream().anyMatch(FaceExpression::smiling))
                .mapToLong(f -> f.ptsUs() / 1000).min().orElse(-1);
        return new Caption.People(true, seen.faces().size(), seen.people().size(), busiest.get().ptsUs() / 1000,
                seen.faces(), seen.people(), seen.expressions(), seen.postures(), smilingMs, stances(frames));
    }

    /** Each confident stance (and {@link #ARMS_RAISED}) seen in any frame, with when it was first seen. */
    static Map<String, Long> stances(List<FrameAnalysis> frames) {
        Map<String, Long> first = new TreeMap<>();
        for (FrameAnalysis frame : frames) {
            for (PersonPosture posture : frame.people().postures()) {
                long ms = frame.ptsUs() / 1000;
                if (!posture.stance().equals(PersonPosture.UNKNOWN)) {
                    first.merge(posture.stance(), ms, Math::min);
                }
                if (posture.armsRaised()) {
                    first.merge(ARMS_RAISED, ms, Math::min);
                }
            }
        }
        return first;
    }

    /** {@code cut} when a new shot began after the window's start, else still or moving by the mean difference. */
    static Caption.Motion motion(List<FrameAnalysis> frames, boolean cutInside) {
        double[] known = frames.stream().mapToDouble(FrameAnalysis::motion).filter(m -> m >= 0).toArray();
        if (known.length == 0) {
            return Caption.Motion.UNKNOWN;
        }
        double mean = java.util.Arrays.stream(known).average().orElse(0);
        double rounded = Math.round(mean * 10_000) / 10_000.0;
        return new Caption.Motion(cutInside ? "cut" : mean < STILL_BELOW ? "static" : "moving", rounded);
    }

    static Caption.Speech speech(StreamWindows.Window window) {
        return new Caption.Speech(window.words(), window.speechNote(), window.heard());
    }

    /**
     * What the people did that the models said confidently, worst news first: "A person lying on
     * the ground, a person with arms raised, a smiling face." Nothing when the pose and expression
     * models did not run or were unsure.
     */
    static String postureSentence(Caption.People people) {
        List<String> phrases = new ArrayList<>();
        Map<String, Long> stances = people.stances();
        if (stances.containsKey("lying")) {
            phrases.add("a person lying on the ground");
        }
        if (stances.containsKey(ARMS_RAISED)) {
            phrases.add("a person with arms raised");
        }
        if (stances.containsKey("sitting")) {
            phrases.add("a person sitting");
        }
        if (stances.containsKey("standing")) {
            phrases.add("a person standing");
        }
        if (people.smilingMs() >= 0) {
            phrases.add("a smiling face");
        }
        return phrases.isEmpty() ? "" : capitalised(String.join(", ", phrases)) + ".";
    }

    /** The words spoken, or what the audio held instead when nobody spoke. */
    static String soundSentence(List<SpokenWord> words, String heard) {
        return soundSentence(words, heard, "");
    }

    /** As {@link #soundSentence(List, String)}, with the window's speech note (why there are no words). */
    static String soundSentence(List<SpokenWord> words, String heard, String note) {
        if (!words.isEmpty()) {
            return speechSentence(words);
        }
        return switch (heard) {
            case AudioSpan.SPEECH -> note.equals(AudioSpan.NOT_TRANSCRIBED)
                    ? "Someone speaks; not transcribed while the job caught up."
                    : "Someone speaks; the words are unclear.";
            case AudioSpan.MUSIC_OR_NOISE -> "Music or noise, no speech.";
            case AudioSpan.SILENCE -> "Silence.";
            default -> "";
        };
    }

    static String peopleSentence(Caption.People people) {
        if (!people.looked() || people.people() == 0) {
            return "";
        }
        return people.people() == 1 ? "One person." : capitalised(number(people.people())) + " people.";
    }

    static String motionSentence(Caption.Motion motion) {
        return switch (motion.label()) {
            case "static" -> "Still picture.";
            case "moving" -> "Moving picture.";
            default -> "";
        };
    }

    static String speechSentence(List<SpokenWord> words) {
        if (words.isEmpty()) {
            return "";
        }
        return "Speech: \"" + String.join(" ", words.stream().map(SpokenWord::text).toList()) + "\".";
    }

    /** "Mostly green and white, bright." for a window's frames, or nothing when nothing stands out. */
    static String looksSentence(List<Looks> frames) {
        List<Looks> known = frames.stream().filter(Looks::known).toList();
        if (known.isEmpty()) {
            return "";
        }
        Map<String, Integer> votes = new TreeMap<>();
        known.forEach(l -> l.colours().forEach(c -> votes.merge(c, 1, Integer::sum)));
        List<String> colours = votes.entrySet().stream().filter(e -> e.getValue() * 2 >= known.size())
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).limit(2).toList();
        double brightness = known.stream().mapToDouble(Looks::brightness).average().orElse(0.5);
        String light = brightness < 0.25 ? "dark" : brightness > 0.7 ? "bright" : "";
        if (colours.isEmpty() && light.isEmpty()) {
            return "";
        }
        String said = colours.isEmpty() ? "" : "Mostly " + String.join(" and ", colours);
        if (light.isEmpty()) {
            return said + ".";
        }
        return said.isEmpty() ? capitalised(light) + "." : said + ", " + light + ".";
    }

    private static String number(int n) {
        String[] names = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n < names.length ? names[n] : Integer.toString(n);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
