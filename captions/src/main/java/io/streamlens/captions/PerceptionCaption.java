package io.streamlens.captions;

import io.streamlens.captions.objects.ObjectFindings;
import io.streamlens.captions.objects.ObjectSentences;
import io.streamlens.captions.track.MotionOptions;
import io.streamlens.captions.track.WindowObjects;
import io.streamlens.records.Caption;
import io.streamlens.records.Durations;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.OnScreenText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The caption of the {@code perception} pack: short sentences built only from what the models
 * and the pixels reported in the window, in a fixed order: shot changes, motion, people and objects (from
 * their tracks when the object detector ran, else the people finder's count), dominant
 * colours and brightness, on-screen text, speech. Nothing is invented: every statement is in the
 * caption's evidence, and a detector that did not run is never taken to have seen nothing.
 */
public final class PerceptionCaption {
    /** Text read with less confidence than this is left out rather than misquoted. */
    static final float MIN_CONFIDENCE = 0.6f;
    /** A shot that begins this close to the window's start begins the window. */
    static final long AT_START_MS = 500;

    private PerceptionCaption() {
    }

    /** A caption's text and its evidence. */
    public record Draft(String text, Caption.Evidence evidence) {
    }

    public static Draft compose(StreamWindows.Window window) {
        List<String> text = distinctText(window.frames());
        List<Integer> scenes = window.frames().stream().map(FrameAnalysis::sceneId).distinct().toList();
        List<Long> changesMs = window.sceneChangesUs().stream().map(us -> us / 1000).toList();
        List<String> sentences = new ArrayList<>();
        long windowStartMs = window.startUs() / 1000;
        if (!changesMs.isEmpty() && changesMs.get(0) - windowStartMs < AT_START_MS) {
            sentences.add("New shot.");
        }
        List<String> later = changesMs.stream().filter(t -> t - windowStartMs >= AT_START_MS).map(Durations::clock).toList();
        if (later.size() == 1) {
            sentences.add("New shot at " + later.get(0) + ".");
        } else if (later.size() > 1) {
            sentences.add("New shots at " + String.join(", ", later) + ".");
        }
        Caption.Motion motion = WindowFindings.motion(window.frames(), !later.isEmpty());
        addIfAny(sentences, WindowFindings.motionSentence(motion));
        Caption.People people = WindowFindings.people(window.frames());
        WindowObjects objects = WindowObjects.of(window.startUs(), window.endUs(),
                window.frames().stream().map(FrameAnalysis::tracks).toList(), MotionOptions.DEFAULTS);
        if (objects.looked()) {
            // People are among the tracked objects: counted once, by distinct tracks, with how they moved.
            addIfAny(sentences, ObjectSentences.describe(objects));
        } else {
            addIfAny(sentences, WindowFindings.peopleSentence(people));
        }
        addIfAny(sentences, WindowFindings.postureSentence(people));
        String looks = WindowFindings.looksSentence(window.frames().stream().map(FrameAnalysis::looks).toList());
        if (!looks.isEmpty()) {
            sentences.add(looks);
        }
        if (!text.isEmpty()) {
            sentences.add("Text: " + String.join(", ", text.stream().map(t -> "\"" + t + "\"").toList()) + ".");
        } else if (ShedFindings.textRead(window.frames())) {
            sentences.add("No text on screen."); // not said when load shedding kept every frame from the reader
        }
        addIfAny(sentences, WindowFindings.soundSentence(window.words(), window.heard(), window.speechNote()));
        return new Draft(String.join(" ", sentences), new Caption.Evidence(text, scenes, changesMs, window.frames().size(),
                WindowFindings.speech(window), people, motion).withObjects(ObjectFindings.evidence(objects))
                .withCarriedOver(window.frames().stream().filter(FrameAnalysis::carriedOver).map(f -> f.ptsUs() / 1000).toList())
                .withShed(ShedFindings.of(window.frames(), window.speechNote())));
    }

    private static void addIfAny(List<String> sentences, String sentence) {
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
    }

    /** Lines read in the window, each once (first spelling kept, case and spacing ignored), in the order they first appeared. */
    static List<String> distinctText(List<FrameAnalysis> frames) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (FrameAnalysis frame : frames) {
            for (OnScreenText line : frame.text()) {
                String clean = line.text().trim().replaceAll("\\s+", " ");
                if (line.confidence() >= MIN_CONFIDENCE && clean.codePoints().filter(Character::isLetterOrDigit).count() >= 2) {
                    // OCR spaces words unevenly from frame to frame: "ls /usr" and "ls/usr" are one line.
                    seen.putIfAbsent(clean.toLowerCase(Locale.ROOT).replace(" ", ""), clean);
                }
            }
        }
        return List.copyOf(seen.values());
    }

}
