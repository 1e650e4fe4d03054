package io.streamlens.events;

import io.streamlens.records.Caption;
import io.streamlens.records.Detection;
import io.streamlens.records.ObjectEvidence;
import io.streamlens.records.ObjectsSeen;
import io.streamlens.records.SpokenWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Caption windows of a test stream, 4 s long every 3 s, with just the findings a test names. */
public final class Windows {
    public static final long WINDOW_MS = 4000;
    public static final long STEP_MS = 3000;

    private Windows() {
    }

    /** The n-th window of a stream (0: 0–4 s, 1: 3–7 s …) with this evidence. */
    public static Caption window(String streamId, int n, Caption.Evidence evidence) {
        return window(streamId, n, evidence, "A window.");
    }

    public static Caption window(String streamId, int n, Caption.Evidence evidence, String text) {
        long start = n * STEP_MS;
        return new Caption(streamId, Caption.idOf(streamId, start), start, start + WINDOW_MS, text, streamId + ".mp4",
                evidence, new Caption.TokenCounts(0, 0), "perception");
    }

    /** Evidence where every detector looked and found nothing. */
    public static Caption.Evidence nothing() {
        return new Caption.Evidence(List.of(), List.of(0), List.of(), 4, new Caption.Speech(List.of(), "silent audio"),
                new Caption.People(true, 0, 0, -1, List.of(), List.of()), new Caption.Motion("static", 0.01), "",
                new ObjectsSeen(true, List.of()));
    }

    /** Evidence where no detector ran at all. */
    public static Caption.Evidence notLooked() {
        return new Caption.Evidence(List.of(), List.of(0), List.of(), 4);
    }

    public static Caption.Evidence objects(String label, int count, Detection... boxes) {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            ids.add(i);
        }
        ObjectEvidence seen = new ObjectEvidence(label, count, ids, ids.stream().map(i -> "still").toList(), 0, 3000, 1000, List.of(boxes));
        return nothing().withObjects(new ObjectsSeen(true, List.of(seen)));
    }

    public static Caption.Evidence text(String... lines) {
        Caption.Evidence e = nothing();
        return new Caption.Evidence(List.of(lines), e.sceneIds(), e.sceneChangesMs(), e.frames(), e.speech(), e.people(), e.motion(), "", e.objects());
    }

    public static Caption.Evidence said(String... words) {
        Caption.Evidence e = nothing();
        List<SpokenWord> spoken = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            spoken.add(new SpokenWord(words[i], 500L * i, 500L * i + 400, 0.9));
        }
        return new Caption.Evidence(e.text(), e.sceneIds(), e.sceneChangesMs(), e.frames(), new Caption.Speech(spoken, ""),
                e.people(), e.motion(), "", e.objects());
    }

    public static Caption.Evidence posture(String stance) {
        Caption.Evidence e = nothing();
        Caption.People people = new Caption.People(true, 0, 1, 1000, List.of(), List.of(), List.of(), List.of(), -1, Map.of(stance, 1500L));
        return new Caption.Evidence(e.text(), e.sceneIds(), e.sceneChangesMs(), e.frames(), e.speech(), people, e.motion(), "", e.objects());
    }

    public static Caption.Evidence motion(String label, double difference, List<Long> cuts, int frames) {
        Caption.Evidence e = nothing();
        return new Caption.Evidence(e.text(), e.sceneIds(), cuts, frames, e.speech(), e.people(), new Caption.Motion(label, difference),
                "", e.objects());
    }

    public static Detection box(String label, float x0, float y0, float x1, float y1) {
        return new Detection(label, 0.8f, x0, y0, x1, y1);
    }
}
