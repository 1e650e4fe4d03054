package io.streamlens.records;

import static io.streamlens.records.FlinkSerialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordSerializationTest {
    @Test
    void videoSegmentCrossesOperatorsWithoutKryo() throws Exception {
        VideoSegment segment = new VideoSegment("city", 3, 6_000_000, "mpegts", true, "city.mpg", new byte[] {1, 2, 3});
        assertThat(roundTrip(VideoSegment.class, segment)).isEqualTo(segment);
    }

    @Test
    void segmentPartCrossesOperatorsWithoutKryo() throws Exception {
        SegmentPart part = new SegmentPart("city", 3, 6_000_000, "mpegts", false, "city.mpg", 1, 2, new byte[] {9}, "");
        assertThat(roundTrip(SegmentPart.class, part)).isEqualTo(part);
    }

    @Test
    void sampledFrameCrossesOperatorsWithoutKryo() throws Exception {
        SampledFrame frame = new SampledFrame("city", 2, 1_500_000, 4, 0.75, 0.02, 2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(roundTrip(SampledFrame.class, frame)).isEqualTo(frame);
    }

    @Test
    void sampledSegmentCrossesOperatorsWithoutKryo() throws Exception {
        SampledFrame frame = new SampledFrame("city", 2, 1_500_000, 4, 0.75, 0.02, 1, 1, new byte[] {1, 2, 3});
        SampledSegment segment = new SampledSegment("city", 2, 1_000_000, 3_000_000, true, "city.mpg", java.util.List.of(frame, frame),
                1_796_000_000_123L, true);
        assertThat(roundTrip(SampledSegment.class, segment)).isEqualTo(segment);
        assertThat(roundTrip(SampledSegment.class, segment).arrivedAtMs()).isEqualTo(1_796_000_000_123L);
    }

    @Test
    void analysedSegmentCrossesOperatorsWithoutKryo() throws Exception {
        FrameAnalysis frame = new FrameAnalysis(1_000_000, 2, 0.5,
                java.util.List.of(new OnScreenText("GATE 7", 10, 20, 100, 30, 0.97f)), 1, 2, 2, new float[] {1, 2, 3, 4},
                new Looks(java.util.List.of("green", "white"), 0.8));
        FrameAnalysis carried = frame.carriedTo(1_500_000, 2, 0.01, 0.002);
        FrameAnalysis shed = frame.withShed(new ShedWork(3, 6_100, java.util.List.of("posture", "objects", "text")));
        AnalysedSegment segment = new AnalysedSegment("cam", 1, 0, 2_000_000, false, "cam.mp4", java.util.List.of(frame, carried, shed),
                java.util.List.of("vision encoder failed at 1000 ms: image-too-small"));
        assertThat(roundTrip(AnalysedSegment.class, segment)).isEqualTo(segment);
        assertThat(roundTrip(AnalysedSegment.class, segment).frames().get(1).carriedFromUs()).isEqualTo(1_000_000L);
        assertThat(roundTrip(AnalysedSegment.class, segment).frames().get(2).shed().skipped()).containsExactly("posture", "objects", "text");
    }

    @Test
    void aDeadLetterKeepsItsIdThroughJsonSoReplaysCanBeDeduplicated() {
        DeadLetter letter = DeadLetter.of("cam", 4, "cam.mp4", DeadLetterReason.UNDECODABLE, "no frame");
        DeadLetter again = DeadLetter.of("cam", 4, "cam.mp4", DeadLetterReason.UNDECODABLE, "no frame");
        assertThat(again.deadLetterId()).isEqualTo(letter.deadLetterId()).startsWith("cam/4/undecodable/");
        assertThat(Json.read(Json.write(letter), DeadLetter.class)).isEqualTo(letter);
        assertThat(DeadLetter.of("cam", 4, "cam.mp4", DeadLetterReason.UNDECODABLE, "other").deadLetterId())
                .isNotEqualTo(letter.deadLetterId());
    }

    @Test
    void captionCrossesOperatorsWithoutKryoAndKeepsTheContractFields() throws Exception {
        Caption caption = new Caption("cam", Caption.idOf("cam", 3000), 3000, 7000, "Text: \"GATE 7\".", "cam.mp4",
                new Caption.Evidence(java.util.List.of("GATE 7"), java.util.List.of(1), java.util.List.of(3000L), 4)
                        .withShed(new Caption.Shed(2, 5_000, 1, java.util.List.of("objects"), "behind")),
                new Caption.TokenCounts(0, 0), "perception");
        assertThat(roundTrip(Caption.class, caption)).isEqualTo(caption);
        assertThat(Json.write(caption)).startsWith("{\"streamId\":\"cam\",\"captionId\":\"cam/3000\",\"startMs\":3000,\"endMs\":7000,")
                .contains("\"visualTokens\":{\"raw\":0,\"kept\":0}").contains("\"model\":\"perception\"");
    }

    @Test
    void deadLetterCrossesOperatorsWithoutKryo() throws Exception {
        DeadLetter letter = DeadLetter.of("city", 7, "city.mpg", DeadLetterReason.UNDECODABLE, "no frame");
        assertThat(roundTrip(DeadLetter.class, letter)).isEqualTo(letter);
    }

    @Test
    void deadLetterJsonUsesTheContractFieldNames() {
        String json = Json.write(DeadLetter.of("city", -1, "city.mpg", DeadLetterReason.NOT_A_VIDEO, "text file"));
        assertThat(json).isEqualTo(
                "{\"streamId\":\"city\",\"seq\":-1,\"source\":\"city.mpg\",\"reason\":\"not-a-video\",\"detail\":\"text file\","
                        + "\"deadLetterId\":\"city/-1/not-a-video/" + Integer.toHexString("text file".hashCode()) + "\"}");
        assertThat(Json.read(json, DeadLetter.class).reason()).isEqualTo("not-a-video");
    }

    @Test
    void segmentSpeechCrossesOperatorsWithoutKryo() throws Exception {
        SegmentSpeech speech = new SegmentSpeech("cam", 4, false, 9_100_000,
                java.util.List.of(new SpokenWord("gate", 8_000, 8_300, 0.9)), "");
        assertThat(roundTrip(SegmentSpeech.class, speech)).isEqualTo(speech);
    }

    @Test
    void captionedWindowCrossesOperatorsWithoutKryo() throws Exception {
        Caption caption = new Caption("cam", Caption.idOf("cam", 0), 0, 4000, "blue", "cam.mp4",
                new Caption.Evidence(java.util.List.of(), java.util.List.of(0), java.util.List.of(), 4)
                        .withModelFailure("tiny-color could not caption this window"),
                new Caption.TokenCounts(16, 2), "tiny-color");
        CaptionedWindow window = new CaptionedWindow(caption, 2, 3, new float[] {1, 2, 3, 4, 5, 6});
        assertThat(roundTrip(CaptionedWindow.class, window)).isEqualTo(window);
    }

    @Test
    void queriesAndAnswersCrossOperatorsWithoutKryo() throws Exception {
        Query query = new Query("q1", "cam", "When was gate 7 open?", 1000L, null, null);
        assertThat(roundTrip(Query.class, query)).isEqualTo(query);
        Answer answer = new Answer("q1", "cam", "When was gate 7 open?", "At 0:03–0:07: GATE 7 OPEN",
                java.util.List.of(new Answer.Span(3000, 7000, "GATE 7 OPEN")));
        assertThat(roundTrip(Answer.class, answer)).isEqualTo(answer);
    }

    @Test
    void questionsAboutEveryStreamAndTheirPartialAnswersCrossOperatorsWithoutKryo() throws Exception {
        Query query = Query.everyStream("q2", "which camera saw a dog?", null, 60_000L);
        assertThat(roundTrip(Query.class, query)).isEqualTo(query);
        PartialAnswer part = new PartialAnswer(query, 2, java.util.List.of(new PartialAnswer.Hit("yard", 3000, 7000, "A dog.", 1.01)));
        assertThat(roundTrip(PartialAnswer.class, part)).isEqualTo(part);
    }

    @Test
    void aSpanNamesItsStreamInJsonOnlyInAnswersAboutEveryStream() {
        assertThat(Json.write(new Answer.Span(3000, 7000, "GATE 7 OPEN"))).doesNotContain("streamId");
        Answer.Span span = new Answer.Span(3000, 7000, "A dog.", "yard");
        assertThat(Json.write(span)).contains("\"streamId\":\"yard\"");
        assertThat(Json.read(Json.write(span), Answer.Span.class)).isEqualTo(span);
        assertThat(Json.read("{\"startMs\":1,\"endMs\":2,\"text\":\"t\"}", Answer.Span.class).streamId()).isNull();
    }

    @Test
    void aModelFailureIsInTheCaptionsJsonOnlyWhenThereWasOne() {
        Caption.Evidence evidence = new Caption.Evidence(java.util.List.of(), java.util.List.of(), java.util.List.of(), 1);
        assertThat(Json.write(evidence)).doesNotContain("modelFailure");
        String failed = Json.write(evidence.withModelFailure("tiny-color could not caption this window"));
        assertThat(failed).contains("\"modelFailure\":\"tiny-color could not caption this window\"");
        assertThat(Json.read(failed, Caption.Evidence.class).modelFailure()).isEqualTo("tiny-color could not caption this window");
    }
}
