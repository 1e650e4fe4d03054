package io.streamlens.inference.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.VisualTokens;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.Detection;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.OnScreenText;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.Region;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import io.streamlens.records.ShedWork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameAnalyserTest {
    static final OnScreenText GATE = new OnScreenText("GATE 7", 1, 2, 30, 10, 0.95f);
    /** A face in the middle of the 16x16 test frames, and who is in view when it is the only finding. */
    static final Detection FACE = new Detection("face", 0.9f, 0.25f, 0.25f, 0.75f, 0.75f);
    static final PeopleInView ONE_FACE = PeopleInView.seen(List.of(new Region(4, 4, 8, 8)), List.of());

    /** A 16×16 frame of one colour. */
    static SampledFrame frame(long ptsMs, int r, int g, int b) {
        byte[] rgb = new byte[16 * 16 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return new SampledFrame("cam", 0, ptsMs * 1000, 0, 1, 0.01, 16, 16, rgb);
    }

    static SampledSegment segment(boolean last, SampledFrame... frames) {
        return new SampledSegment("cam", 0, 0, 2_000_000, last, "cam.mp4", List.of(frames));
    }

    static AnalysedSegment analyse(FrameAnalyser analyser, SampledSegment segment) throws Exception {
        return analyser.analyse(segment).get(10, TimeUnit.SECONDS);
    }

    static VisualTokens tokens(int count) {
        float[] values = new float[count * 2];
        Arrays.fill(values, 0.5f);
        return new VisualTokens(count, 2, values);
    }

    @Test
    void everyModelsFindingGoesIntoItsFrame() throws Exception {
        FrameAnalyser analyser = new FrameAnalyser((stream, frame, image) -> CompletableFuture.completedFuture(List.of(GATE)),
                (image, persons) -> CompletableFuture.completedFuture(List.of(FACE)), null, image -> CompletableFuture.completedFuture(tokens(16)));

        AnalysedSegment analysed = analyse(analyser, segment(false, frame(0, 230, 20, 20), frame(1000, 20, 40, 230)));

        assertThat(analysed.failures()).isEmpty();
        assertThat(analysed.frames()).hasSize(2).allSatisfy(f -> {
            assertThat(f.text()).containsExactly(GATE);
            assertThat(f.people()).isEqualTo(ONE_FACE);
            assertThat(f.rows()).isEqualTo(4); // 16 tokens: the encoder's 4×4 patch grid
            assertThat(f.cols()).isEqualTo(4);
            assertThat(f.motion()).isEqualTo(0.01);
        });
        assertThat(analysed.frames()).extracting(f -> f.looks().colours())
                .containsExactly(List.of("red"), List.of("blue"));
    }

    @Test
    void objectsGoIntoTheFrameThePeopleInViewAreTheDetectorsPersonsAndFacesAreSoughtInsideThem() throws Exception {
        Detection person = new Detection("person", 0.8f, 0.25f, 0.5f, 0.5f, 1f);
        Detection dog = new Detection("dog", 0.6f, 0.6f, 0.6f, 0.9f, 0.9f);
        List<List<Detection>> personsAsked = new ArrayList<>();
        FrameAnalyser analyser = new FrameAnalyser(null, (image, persons) -> {
            personsAsked.add(persons);
            return CompletableFuture.completedFuture(List.of(FACE));
        },
                image -> CompletableFuture.completedFuture(List.of(person, dog)), null);
        FrameAnalysis analysis = analyse(analyser, segment(false, frame(0, 10, 10, 10))).frames().get(0);
        assertThat(analysis.objects().looked()).isTrue();
        assertThat(analysis.objects().detections()).containsExactly(person, dog);
        assertThat(analysis.people().faces()).isEqualTo(ONE_FACE.faces());
        assertThat(analysis.people().people()).singleElement()
                .isEqualTo(new Region(4, 8, 4, 8)); // the 16x16 frame's pixels
        assertThat(personsAsked).as("the face finder looks inside the persons found").containsExactly(List.of(person));
    }

    @Test
    void modelsShedFromAFrameAreNotAskedAndTheFrameSaysWhichOfThoseThatRunItWentWithout() throws Exception {
        List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        FrameAnalyser analyser = new FrameAnalyser((stream, frame, image) -> {
            asked.add("text");
            return CompletableFuture.completedFuture(List.of(GATE));
        }, (image, persons) -> {
            asked.add("faces");
            return CompletableFuture.completedFuture(List.of(FACE));
        }, image -> {
            asked.add("objects");
            return CompletableFuture.completedFuture(List.of(new Detection("person", 0.8f, 0.25f, 0.5f, 0.5f, 1f)));
        }, null);
        SampledFrame shedFrame = frame(0, 10, 10, 10);
        SampledFrame wholeFrame = frame(1000, 10, 10, 10);
        // posture does not run here, so the frame cannot have gone without it
        ShedWork plan = new ShedWork(2, 5_200, List.of("posture", "objects", "faces"));

        AnalysedSegment analysed = analyser.analyse(segment(false, shedFrame, wholeFrame), f -> f == shedFrame ? plan : ShedWork.NONE)
                .get(10, TimeUnit.SECONDS);

        FrameAnalysis shed = analysed.frames().get(0);
        assertThat(shed.shed()).isEqualTo(new ShedWork(2, 5_200, List.of("objects", "faces")));
        assertThat(shed.objects().looked()).as("a shed detector has not seen nothing").isFalse();
        assertThat(shed.people()).isEqualTo(PeopleInView.NOT_LOOKED);
        assertThat(shed.text()).containsExactly(GATE);
        FrameAnalysis whole = analysed.frames().get(1);
        assertThat(whole.shed()).isEqualTo(ShedWork.NONE);
        assertThat(whole.objects().looked()).isTrue();
        assertThat(asked).containsExactlyInAnyOrder("text", "text", "objects", "faces");
    }

    @Test
    void aFailedObjectDetectorIsNotTakenToHaveSeenNothing() throws Exception {
        FrameAnalyser analyser = new FrameAnalyser(null, null,
                image -> CompletableFuture.failedFuture(new IllegalStateException("detector gone")), null);
        AnalysedSegment analysed = analyse(analyser, segment(false, frame(0, 10, 10, 10)));
        assertThat(analysed.frames().get(0).objects().looked()).isFalse();
        assertThat(analysed.failures()).singleElement().asString().contains("object detection").contains("detector gone");
    }

    @Test
    void aTokenCountThatIsNoSquareIsOneRow() {
        FrameAnalysis analysis = FrameAnalyser.analysis(frame(0, 0, 0, 0), List.of(), tokens(6));
        assertThat(analysis.rows()).isEqualTo(1);
        assertThat(analysis.cols()).isEqualTo(6);
    }

    @Test
    void aModelThatFailsOnAFrameLeavesItWithoutThatFindingAndSaysWhy() throws Exception {
        FrameAnalyser analyser = new FrameAnalyser(
                (stream, frame, image) -> CompletableFuture.failedFuture(new IllegalStateException("ocr overloaded")),
                (image, persons) -> CompletableFuture.completedFuture(List.of(FACE)), null,
                image -> CompletableFuture.failedFuture(new IllegalArgumentException("visual token 0 feature 0 is NaN")));

        AnalysedSegment analysed = analyse(analyser, segment(false, frame(1500, 0, 0, 0)));

        FrameAnalysis frame = analysed.frames().get(0);
        assertThat(frame.text()).isEmpty();
        assertThat(frame.tokens()).isEmpty();
        assertThat(frame.people()).isEqualTo(ONE_FACE);
        assertThat(analysed.failures()).containsExactlyInAnyOrder("text reading failed at 1500 ms: ocr overloaded",
                "vision encoder failed at 1500 ms: visual token 0 feature 0 is NaN");
    }

    @Test
    void modelsThatAreOffAreNeverAskedAndPeopleAreNotTakenToBeAbsent() throws Exception {
        AnalysedSegment analysed = analyse(new FrameAnalyser(null, null, null, null), segment(false, frame(0, 255, 255, 255)));

        assertThat(analysed.frames()).singleElement().satisfies(f -> {
            assertThat(f.people().looked()).isFalse();
            assertThat(f.text()).isEmpty();
            assertThat(f.looks().colours()).containsExactly("white");
        });
    }

    @Test
    void theTextReaderForgetsAStreamAtItsLastSegment() throws Exception {
        List<String> forgotten = new ArrayList<>();
        FrameAnalyser.TextReader reader = new FrameAnalyser.TextReader() {
            @Override
            public CompletableFuture<List<OnScreenText>> read(String streamId, SampledFrame frame, io.streamlens.inference.RgbImage image) {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public void forget(String streamId) {
                forgotten.add(streamId);
            }
        };
        FrameAnalyser analyser = new FrameAnalyser(reader, null, null, null);

        analyse(analyser, segment(false, frame(0, 0, 0, 0)));
        assertThat(forgotten).isEmpty();
        analyse(analyser, segment(true, frame(2000, 0, 0, 0)));
        assertThat(forgotten).containsExactly("cam");
    }
}
