package io.streamlens.inference.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.captions.Perception;
import io.streamlens.inference.ModelOptions;
import io.streamlens.inference.RgbImage;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.records.AnalysedSegment;
import io.streamlens.records.FrameAnalysis;
import io.streamlens.records.PeopleInView;
import io.streamlens.records.SampledFrame;
import io.streamlens.records.SampledSegment;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The job's real models in front of real photos (Debian's darknet and scikit-image samples, from
 * dev/fetch-media): faces and their expressions, people and their postures, each only when its
 * perception is on.
 */
class FrameAnalysersTest {

    @Test
    void theAstronautsFaceIsFoundAndJudgedSmilingWithAllSevenScoresKept() throws Exception {
        PeopleInView people = analyse("images/astronaut.png", EnumSet.of(Perception.PEOPLE)).people();

        assertThat(people.faces()).hasSize(1);
        assertThat(people.expressions()).singleElement().satisfies(e -> {
            assertThat(e.face()).isEqualTo(people.faces().get(0));
            assertThat(e.scores()).containsOnlyKeys("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral");
            assertThat(e.top()).isEqualTo("happy");
            assertThat(e.smiling()).isTrue();
        });
        assertThat(people.postures()).as("posture is off").isEmpty();
    }

    @Test
    void theWomanBesideTheHorseIsStandingAndHerKeypointsAreKept() throws Exception {
        FrameAnalysis frame = analyse("images/person.jpg", EnumSet.of(Perception.OBJECTS, Perception.POSTURE));

        assertThat(frame.objects().detections()).extracting(d -> d.label()).contains("person", "horse");
        assertThat(frame.people().postures()).singleElement().satisfies(p -> {
            assertThat(p.stance()).isEqualTo("standing");
            assertThat(p.keypoints()).hasSize(17);
            assertThat(p.keypoints().get(0).part()).isEqualTo("nose");
            assertThat(frame.people().people()).contains(p.person());
        });
        assertThat(frame.people().expressions()).as("faces are off").isEmpty();
    }

    @Test
    void withoutPostureNoPoseModelRuns() throws Exception {
        FrameAnalysis frame = analyse("images/person.jpg", EnumSet.of(Perception.OBJECTS));

        assertThat(frame.people().people()).isNotEmpty();
        assertThat(frame.people().postures()).isEmpty();
    }

    private static FrameAnalysis analyse(String image, EnumSet<Perception> perception) throws Exception {
        RgbImage photo = photo(image);
        SampledFrame frame = new SampledFrame("cam", 0, 0, 0, 1, 0, photo.width(), photo.height(), photo.rgb());
        try (FrameAnalyser analyser = FrameAnalysers.open(ModelOptions.DEFAULT.withPerception(perception), 1)) {
            AnalysedSegment analysed = analyser.analyse(new SampledSegment("cam", 0, 0, 40_000, true, image, List.of(frame)))
                    .get(2, TimeUnit.MINUTES);
            assertThat(analysed.failures()).isEmpty();
            return analysed.frames().get(0);
        }
    }

    private static RgbImage photo(String name) throws IOException {
        return RgbImage.of(ImageIO.read(SampleMedia.file(name).toFile()));
    }
}
