package io.streamlens.captions;

import io.streamlens.records.AudioSpan;
import io.streamlens.records.Caption;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.ShedWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What load shedding left out of a window's frames, for its evidence, and whether a finding can
 * still be stated: a window whose every frame went without the text reader has not been seen to
 * hold no text.
 */
final class ShedFindings {
    private ShedFindings() {
    }

    /** What the speech recogniser is called among what was left out. */
    static final String SPEECH = "speech";

    /** The window's shedding, or null when every frame had every model that runs and its speech was transcribed. */
    static Caption.Shed of(List<FrameAnalysis> frames, String speechNote) {
        List<ShedWork> shed = frames.stream().map(FrameAnalysis::shed).filter(ShedWork::any).toList();
        boolean untranscribed = speechNote.equals(AudioSpan.NOT_TRANSCRIBED) || speechNote.equals(AudioSpan.NOT_LISTENED);
        if (shed.isEmpty() && !untranscribed) {
            return null;
        }
        // each frame lists its models in the order they are given up; the longest list leads
        Set<String> skipped = new LinkedHashSet<>();
        shed.stream().sorted(Comparator.comparingInt((ShedWork w) -> w.skipped().size()).reversed())
                .forEach(w -> skipped.addAll(w.skipped()));
        int level = shed.stream().mapToInt(ShedWork::level).max().orElse(0);
        long behindMs = shed.stream().mapToLong(ShedWork::behindMs).max().orElse(0);
        List<String> parts = new ArrayList<>();
        if (!shed.isEmpty()) {
            parts.add(String.format(Locale.ROOT, "%s %s left out of %d of %d frames", names(List.copyOf(skipped)),
                    skipped.size() == 1 ? "was" : "were", shed.size(), frames.size()));
        }
        if (untranscribed) {
            skipped.add(SPEECH);
            parts.add(speechNote.equals(AudioSpan.NOT_LISTENED) ? "the audio was not listened to" : "speech was not transcribed");
        }
        String why = (behindMs > 0 ? String.format(Locale.ROOT, "the job ran %.1f s behind its streams, so ", behindMs / 1000.0)
                : "the job ran behind its streams, so ") + String.join(", and ", parts);
        return new Caption.Shed(level, behindMs, shed.size(), List.copyOf(skipped), why);
    }

    /** Whether some frame of the window went to the text reader, as far as shedding goes. */
    static boolean textRead(List<FrameAnalysis> frames) {
        return frames.isEmpty() || frames.stream().anyMatch(f -> !f.shed().skips(ShedWork.TEXT));
    }

    private static String names(List<String> models) {
        if (models.size() == 1) {
            return models.get(0);
        }
        return String.join(", ", models.subList(0, models.size() - 1)) + " and " + models.get(models.size() - 1);
    }
}
