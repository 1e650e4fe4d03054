package io.streamlens.inference.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.ingest.SampleMedia;
import io.streamlens.records.Detection;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NanoDet on darknet's example photos (dev/fetch-media): labels and rough positions, not exact scores. */
class ObjectDetectorTest {

    private static ObjectDetector detector;

    @BeforeAll
    static void open() {
        detector = ObjectDetector.open(RuntimeOptions.defaults().withIntraOpThreads(1), DetectionOptions.DEFAULTS);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void findsTheDogTheBicycleAndTheTruck() throws IOException {
        List<Detection> objects;
        // NanoDet-g gives the half-hidden truck about 0.31, below the default threshold.
        try (ObjectDetector lenient = ObjectDetector.open(RuntimeOptions.defaults().withIntraOpThreads(1),
                DetectionOptions.DEFAULTS.withMinScore(0.28f))) {
            objects = lenient.detect(image("dog.jpg"));
        }

        // The dog sits lower left, the bicycle spans the middle, the vehicle is top right.
        assertThat(one(objects, "dog").centerX()).isBetween(0.15f, 0.45f);
        assertThat(one(objects, "dog").centerY()).isBetween(0.5f, 0.85f);
        assertThat(one(objects, "bicycle").centerX()).isBetween(0.3f, 0.65f);
        Detection vehicle = objects.stream().filter(o -> o.label().equals("truck") || o.label().equals("car"))
                .findFirst().orElseThrow(() -> new AssertionError("no car or truck in " + objects));
        assertThat(vehicle.centerX()).isGreaterThan(0.6f);
        assertThat(vehicle.centerY()).isLessThan(0.35f);
    }

    @Test
    void findsSeveralHorses() throws IOException {
        assertThat(detect("horses.jpg")).filteredOn(o -> o.label().equals("horse")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void findsThePersonTheDogAndTheHorse() throws IOException {
        List<Detection> objects = detect("person.jpg");

        // Left to right: dog, person, horse.
        float dog = one(objects, "dog").centerX();
        float person = one(objects, "person").centerX();
        float horse = one(objects, "horse").centerX();
        assertThat(dog).isLessThan(person);
        assertThat(person).isLessThan(horse);
    }

    @Test
    void findsTheGiraffe() throws IOException {
        assertThat(detect("giraffe.jpg")).extracting(Detection::label).contains("giraffe");
    }

    @Test
    void findsTheEagleAsABird() throws IOException {
        List<Detection> objects = detect("eagle.jpg");

        assertThat(objects).isNotEmpty();
        assertThat(objects.get(0).label()).isEqualTo("bird");
        assertThat(objects.get(0).area()).isGreaterThan(0.1f);
    }

    @Test
    void findsPeopleAndAKiteOnTheBeach() throws IOException {
        List<Detection> objects = detect("kite.jpg");

        assertThat(objects).extracting(Detection::label).contains("person", "kite");
        assertThat(one(objects, "kite").centerY()).as("kites fly above the people").isLessThan(one(objects, "person").centerY());
    }

    @Test
    void seesNothingInABlankOrNoisyFrame() {
        byte[] noise = new byte[640 * 480 * 3];
        new Random(13).nextBytes(noise);

        assertThat(detector.detect(RgbImage.filled(640, 480, 128, 128, 128))).isEmpty();
        assertThat(detector.detect(new RgbImage(640, 480, noise))).isEmpty();
    }

    @Test
    void batchesAcrossCallersGiveWhatSingleCallsGive() throws IOException {
        List<RgbImage> frames = List.of(image("dog.jpg"), image("person.jpg"), image("horses.jpg"), image("eagle.jpg"));
        List<List<Detection>> alone = frames.stream().map(detector::detect).toList();

        List<List<Detection>> together = detector.detectAll(frames);
        List<CompletableFuture<List<Detection>>> submitted = frames.stream().map(detector::detectAsync).toList();

        for (int i = 0; i < frames.size(); i++) {
            assertSameObjects(together.get(i), alone.get(i));
            assertSameObjects(submitted.get(i).join(), alone.get(i));
        }
    }

    private static void assertSameObjects(List<Detection> actual, List<Detection> expected) {
        assertThat(actual).extracting(Detection::label).containsExactlyElementsOf(
                expected.stream().map(Detection::label).toList());
        for (int k = 0; k < actual.size(); k++) {
            assertThat(actual.get(k).iou(expected.get(k))).isGreaterThan(0.999f);
            assertThat(actual.get(k).score()).isCloseTo(expected.get(k).score(), org.assertj.core.api.Assertions.within(1e-4f));
        }
    }

    private static List<Detection> detect(String photo) throws IOException {
        return detector.detect(image(photo));
    }

    private static RgbImage image(String photo) throws IOException {
        return RgbImage.of(ImageIO.read(SampleMedia.file("images/" + photo).toFile()));
    }

    private static Detection one(List<Detection> objects, String label) {
        return objects.stream().filter(o -> o.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in " + objects));
    }
}
