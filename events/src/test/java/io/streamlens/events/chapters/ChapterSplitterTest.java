package io.streamlens.events.chapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.events.Windows;
import io.streamlens.records.Alert;
import io.streamlens.records.Caption;
import io.streamlens.records.ObjectsSeen;
import io.streamlens.records.Summary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChapterSplitterTest {

    /**
     * The windows of a generated clip with three known shots: "PLATFORM 12" on a sign (0–9 s),
     * a street with two cars (9–18 s), a person speaking (18–24 s). Windows are 4 s every 3 s.
     */
    static List<Caption> threeShots() {
        List<Caption> windows = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            long start = n * Windows.STEP_MS;
            long end = start + Windows.WINDOW_MS;
            List<Integer> shots = new ArrayList<>();
            for (int shot = 0; shot < 3; shot++) {
                if (start < (shot + 1) * 9000L && end > shot * 9000L) {
                    shots.add(shot);
                }
            }
            List<String> text = shots.contains(0) ? List.of("PLATFORM 12") : List.of();
            ObjectsSeen objects = new ObjectsSeen(true, shots.contains(1) ? Windows.objects("car", 2).objects().objects() : List.of());
            Caption.Speech speech = shots.contains(2) ? Windows.said("the", "train", "is", "late").speech() : Windows.nothing().speech();
            Caption.People people = new Caption.People(true, shots.contains(2) ? 1 : 0, shots.contains(2) ? 1 : 0, start, List.of(), List.of());
            List<Long> cuts = shots.size() > 1 ? List.of(shots.get(1) * 9000L) : List.of();
            Caption.Evidence withShots = new Caption.Evidence(text, shots, cuts, 4, speech, people, new Caption.Motion("static", 0.01), "", objects);
            windows.add(Windows.window("clip", n, withShots, "Window " + n + "."));
        }
        return windows;
    }

    @Test
    void shouldFindTheChaptersOfAClipWithKnownShotsTitledByWhatWasFound() {
        List<Summary> chapters = ChapterSplitter.chapters(threeShots());
        assertThat(chapters).extracting(Summary::startMs, Summary::endMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 9000L),
                org.assertj.core.groups.Tuple.tuple(9000L, 18_000L),
                org.assertj.core.groups.Tuple.tuple(18_000L, 25_000L));
        assertThat(chapters).extracting(Summary::title).containsExactly("\"PLATFORM 12\"", "2 cars", "Person");
        assertThat(chapters.get(2).text()).as("the window spanning the cut still shows the cars")
                .isEqualTo("Seen: 2 cars, person. Said: \"the train is late\".");
        assertThat(chapters).allSatisfy(c -> assertThat(c.kind()).isEqualTo(Summary.CHAPTER));
        assertThat(chapters.get(1).evidence()).extracting(e -> e.startMs()).containsExactly(6000L, 9000L, 12_000L);
    }

    @Test
    void shouldKeepAStillStretchOneChapterAndCutOneThatRunsTooLong() {
        List<Caption> still = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            still.add(Windows.window("cam", n, Windows.nothing(), "Still picture."));
        }
        List<Summary> chapters = ChapterSplitter.chapters(still);
        assertThat(chapters).hasSize(2);
        assertThat(chapters.get(0).endMs()).isEqualTo(ChapterSplitter.MAX_CHAPTER_MS);
        assertThat(chapters.get(0).title()).isEqualTo("Still picture");
    }

    @Test
    void shouldSummariseAVideoForAPersonToRead() {
        Alert alert = new Alert(null, "cars", "clip", 9000, 19_000, Alert.CLOSED, "cars on clip: 2 car", List.of());
        VideoSummary summary = VideoSummary.of("clip", threeShots(), List.of(alert));
        assertThat(summary.durationMs()).isEqualTo(25_000);
        assertThat(summary.seen()).extracting(VideoSummary.Sighting::label).containsExactly("car", "person");
        assertThat(summary.textSeen()).containsExactly(new VideoSummary.TextSeen("PLATFORM 12", 0));
        assertThat(summary.transcript()).isEqualTo("the train is late");
        assertThat(summary.markdown()).startsWith("# clip\n\n0:25, 3 chapters, 1 alert.\n\n## Chapters\n\n")
                .contains("- **0:09–0:18** 2 cars — Seen: 2 cars. Text: \"PLATFORM 12\".")
                .contains("## Text on screen\n\n- 0:00 \"PLATFORM 12\"")
                .contains("## Alerts\n\n- 0:09–0:19 cars on clip: 2 car");
    }
}
