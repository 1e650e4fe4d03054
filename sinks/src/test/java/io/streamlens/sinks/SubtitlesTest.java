package io.streamlens.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.records.Caption;
import io.streamlens.records.SpokenWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitlesTest {
    static Caption caption(long startMs, long endMs, String text) {
        return new Caption("cam", Caption.idOf("cam", startMs), startMs, endMs, text, "cam.mp4",
                new Caption.Evidence(List.of(), List.of(), List.of(), 1), new Caption.TokenCounts(0, 0), "perception");
    }

    static final List<Caption> OVERLAPPING = List.of(
            caption(3000, 7000, "Text: \"GATE 7 OPEN\"."),
            caption(0, 4000, "New shot. Text: \"PLATFORM 12\"."),
            caption(6000, 9000, "New shot at 0:06. Text: \"STREAMLENS\"."));

    @Test
    void overlappingWindowsBecomeCuesThatEndWhenTheNextBegins() {
        assertThat(Subtitles.cues(OVERLAPPING)).extracting(Subtitles.Cue::startMs, Subtitles.Cue::endMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 3000L), org.assertj.core.groups.Tuple.tuple(3000L, 6000L),
                        org.assertj.core.groups.Tuple.tuple(6000L, 9000L));
    }

    @Test
    void webVttHasTheHeaderAndDotTimestamps() {
        assertThat(Subtitles.webVtt(OVERLAPPING)).isEqualTo("""
                WEBVTT

                00:00:00.000 --> 00:00:03.000
                New shot. Text: "PLATFORM 12".

                00:00:03.000 --> 00:00:06.000
                Text: "GATE 7 OPEN".

                00:00:06.000 --> 00:00:09.000
                New shot at 0:06. Text: "STREAMLENS".

                """);
    }

    @Test
    void srtNumbersCuesAndUsesCommaTimestamps() {
        assertThat(Subtitles.srt(OVERLAPPING)).startsWith("""
                1
                00:00:00,000 --> 00:00:03,000
                New shot. Text: "PLATFORM 12".

                2
                00:00:03,000 --> 00:00:06,000
                """);
    }

    @Test
    void longCaptionsAreWrappedForReading() {
        List<String> lines = Subtitles.wrap("Speech: the truck arrived at gate seven a little after the morning shift began", 42);
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(42));
        assertThat(String.join(" ", lines)).isEqualTo("Speech: the truck arrived at gate seven a little after the morning shift began");
    }

    @Test
    void timestampsPastAnHourAreWrittenInFull() {
        assertThat(Subtitles.time(3_723_045, ',')).isEqualTo("01:02:03,045");
    }

    static Caption spoken(long startMs, long endMs, SpokenWord... words) {
        return new Caption("cam", Caption.idOf("cam", startMs), startMs, endMs, "Speech.", "cam.mp4",
                new Caption.Evidence(List.of(), List.of(), List.of(), 1, new Caption.Speech(List.of(words), ""), null, null),
                new Caption.TokenCounts(0, 0), "perception");
    }

    @Test
    void speechCuesAreTimedByTheWordsSplitAtPausesAndCarryEachWordOnce() {
        SpokenWord the = new SpokenWord("the", 1000, 1200, 1);
        SpokenWord truck = new SpokenWord("truck", 1250, 1600, 1);
        SpokenWord arrived = new SpokenWord("arrived", 3500, 3900, 1);
        // windows 0-4 s and 3-7 s overlap: "arrived" is in both
        List<Caption> captions = List.of(spoken(0, 4000, the, truck, arrived), spoken(3000, 7000, arrived));

        assertThat(Subtitles.cues(captions, Subtitles.Kind.SPEECH))
                .containsExactly(new Subtitles.Cue(1000, 1800, List.of("the truck")), new Subtitles.Cue(3500, 4300, List.of("arrived")));
        assertThat(Subtitles.srt(captions, Subtitles.Kind.SPEECH)).startsWith("1\n00:00:01,000 --> 00:00:01,800\nthe truck\n");
        assertThat(Subtitles.cues(captions, Subtitles.Kind.BOTH)).hasSize(4);
        assertThat(Subtitles.cues(captions, Subtitles.Kind.SCENE)).hasSize(2);
    }

    @Test
    void chaptersBecomeANumberedWebVttChapterTrackWithOneLineTitles() {
        String vtt = Subtitles.webVttChapters(java.util.List.of(
                new io.streamlens.records.Summary("cam", "chapter", 0, 9000, "\"PLATFORM 12\"", "", java.util.List.of()),
                new io.streamlens.records.Summary("cam", "chapter", 9000, 3_725_000, "2 cars\n--> gone", "", java.util.List.of())));
        assertThat(vtt).isEqualTo("WEBVTT\n\n1\n00:00:00.000 --> 00:00:09.000\n\"PLATFORM 12\"\n\n"
                + "2\n00:00:09.000 --> 01:02:05.000\n2 cars -> gone\n\n");
    }
}
