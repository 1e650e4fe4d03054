package io.streamlens.events.chapters;

import io.streamlens.records.Answer;
import io.streamlens.records.Caption;
import io.streamlens.records.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups a stream's consecutive windows into chapters where the content changes: a new shot that
 * shows something else, or, within a shot, what is in view (objects, people, text, speech)
 * changing by more than half. Chapters touch (each ends where the next begins), so a player shows
 * them as a chapter list, and none runs longer than {@link #MAX_CHAPTER_MS}.
 */
public final class ChapterSplitter {
    /** Below this similarity of what is in view, a window starts a new chapter even within a shot. */
    static final double SAME_CONTENT = 0.5;
    public static final long MAX_CHAPTER_MS = 5 * 60_000;

    private ChapterSplitter() {
    }

    /** @param captions one stream's captions in time order */
    public static List<Summary> chapters(List<Caption> captions) {
        List<List<Caption>> groups = new ArrayList<>();
        WindowContent previous = null;
        for (Caption c : captions) {
            WindowContent content = WindowContent.of(c);
            List<Caption> current = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (current == null || startsChapter(content, previous) || c.startMs() - current.get(0).startMs() >= MAX_CHAPTER_MS) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(c);
            previous = content;
        }
        List<Long> starts = new ArrayList<>();
        for (List<Caption> group : groups) {
            starts.add(starts.isEmpty() ? group.get(0).startMs() : startOf(group.get(0), starts.get(starts.size() - 1)));
        }
        List<Summary> chapters = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Caption> group = groups.get(i);
            long end = i + 1 < groups.size() ? starts.get(i + 1) : group.get(group.size() - 1).endMs();
            chapters.add(chapter(group, starts.get(i), end));
        }
        return chapters;
    }

    /** A chapter that opens on a cut begins at the cut, not at its first window's start. */
    private static long startOf(Caption first, long previousStart) {
        return first.evidence().sceneChangesMs().stream().filter(ms -> ms > previousStart && ms >= first.startMs() && ms < first.endMs())
                .findFirst().orElse(first.startMs());
    }

    /** One stretch of windows told as a summary of the given kind (a chapter, or a rolling summary). */
    public static Summary chapter(List<Caption> windows, long startMs, long endMs) {
        return summary(windows, Summary.CHAPTER, startMs, endMs);
    }

    public static Summary summary(List<Caption> windows, String kind, long startMs, long endMs) {
        Findings findings = Findings.of(windows);
        List<Answer.Span> evidence = windows.stream().map(c -> new Answer.Span(c.startMs(), c.endMs(), c.text())).toList();
        return new Summary(windows.get(0).streamId(), kind, startMs, endMs, findings.title(), findings.sentences(), evidence);
    }

    private static boolean startsChapter(WindowContent content, WindowContent previous) {
        double similarity = content.similarity(previous);
        return similarity < SAME_CONTENT || (content.newShotAfter(previous) && similarity < 1);
    }
}
