package io.streamlens.inference.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlens.inference.Frames;
import io.streamlens.inference.RgbImage;
import io.streamlens.inference.RuntimeOptions;
import io.streamlens.records.Detection;
import java.awt.Color;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BlazeFace on real and generated frames; positions and counts, not exact scores. */
class FaceDetectorTest {

    private static FaceDetector detector;

    @BeforeAll
    static void open() {
        detector = FaceDetector.open(RuntimeOptions.defaults().withIntraOpThreads(1), FaceOptions.DEFAULTS);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void findsTheAstronautsFaceWithItsLandmarksInPlace() {
        List<Face> faces = detector.detect(FaceImages.astronaut());

        assertThat(faces).hasSize(1);
        Face face = faces.get(0);
        assertThat(face.box().centerX()).isCloseTo(FaceImages.FACE_CX, within(0.03f));
        assertThat(face.box().centerY()).isCloseTo(FaceImages.FACE_CY, within(0.03f));
        assertThat(face.box().width()).isBetween(0.15f, 0.3f);
        FacePoint rightEye = face.landmark(FaceLandmark.RIGHT_EYE);
        FacePoint leftEye = face.landmark(FaceLandmark.LEFT_EYE);
        FacePoint nose = face.landmark(FaceLandmark.NOSE_TIP);
        FacePoint mouth = face.landmark(FaceLandmark.MOUTH);
        assertThat(rightEye.x()).as("her right eye is on the picture's left").isLessThan(nose.x());
        assertThat(leftEye.x()).isGreaterThan(nose.x());
        assertThat(rightEye.y()).isLessThan(nose.y());
        assertThat(nose.y()).isLessThan(mouth.y());
        assertThat(face.landmark(FaceLandmark.RIGHT_EAR).x()).isLessThan(rightEye.x());
        assertThat(face.landmark(FaceLandmark.LEFT_EAR).x()).isGreaterThan(leftEye.x());
    }

    @Test
    void findsAFaceOf48PixelsInTheWholeFrame() {
        RgbImage frame = FaceImages.smallFace(48, 300, 150);

        List<Face> faces = detector.detect(frame);

        assertThat(faces).hasSize(1);
        assertAround(faces.get(0), 48, 300, 150);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {24, 32, 48})
    void findsSmallFacesInsideAPersonCrop(int facePixels) {
        RgbImage frame = FaceImages.smallFace(facePixels, 300, 150);
        int head = FaceImages.headSide(facePixels);
        // A person box as the object detector would give it: as wide as the head, three heads tall.
        Detection person = new Detection("person", 0.9f, 300f / 640, 150f / 360, (300f + head) / 640,
                Math.min(1f, (150f + 3 * head) / 360));

        List<Face> faces = detector.detect(frame, List.of(person));

        assertThat(faces).as("one face, seen in the frame and the crop or in the crop alone").hasSize(1);
        assertAround(faces.get(0), facePixels, 300, 150);
    }

    @Test
    void mergesAFaceSeenInTheFrameAndInSeveralPersonCrops() {
        RgbImage frame = FaceImages.smallFace(64, 300, 120);
        int head = FaceImages.headSide(64);
        Detection person = new Detection("person", 0.9f, 300f / 640, 120f / 360, (300f + head) / 640, 1f);
        Detection wider = new Detection("person", 0.8f, 290f / 640, 110f / 360, (310f + head) / 640, 1f);

        assertThat(detector.detect(frame, List.of(person, wider))).hasSize(1);
    }

    @Test
    void ignoresBoxesThatAreNotPeople() {
        RgbImage frame = FaceImages.smallFace(24, 300, 150);
        int head = FaceImages.headSide(24);
        Detection dog = new Detection("dog", 0.9f, 300f / 640, 150f / 360, (300f + head) / 640, (150f + 3 * head) / 360);

        assertThat(detector.looks(frame, List.of(dog))).hasSize(1);
    }

    @Test
    void asyncCallsFindWhatDirectCallsFind() {
        RgbImage frame = FaceImages.smallFace(32, 300, 150);
        int head = FaceImages.headSide(32);
        Detection person = new Detection("person", 0.9f, 300f / 640, 150f / 360, (300f + head) / 640, (150f + 3 * head) / 360);

        List<Face> direct = detector.detect(frame, List.of(person));
        List<Face> async = detector.detectAsync(frame, List.of(person)).join();

        assertThat(async).hasSameSizeAs(direct);
        assertThat(async.get(0).box().iou(direct.get(0).box())).isGreaterThan(0.999f);
    }

    @Test
    void seesNoFaceInNoiseTextOrTheCockatoo() {
        byte[] noise = new byte[640 * 480 * 3];
        new Random(13).nextBytes(noise);
        RgbImage text = Frames.text(640, 360, Color.WHITE, Color.BLACK, Frames.font("DejaVuSans-Bold.ttf", 64), 20, 40,
                List.of("BREAKING NEWS", "O o 0 8 @ Q"));

        assertThat(detector.detect(new RgbImage(640, 480, noise))).isEmpty();
        assertThat(detector.detect(RgbImage.filled(640, 360, 128, 128, 128))).isEmpty();
        assertThat(detector.detect(text)).isEmpty();
        assertThat(detector.detect(FaceImages.cockatoo())).isEmpty();
    }

    /** The face found lies where her face was pasted, about as large. */
    private static void assertAround(Face face, int facePixels, int x, int y) {
        int head = FaceImages.headSide(facePixels);
        float expectedCx = (x + head * (FaceImages.FACE_CX * 512 - FaceImages.HEAD_X) / FaceImages.HEAD_SIDE) / 640f;
        float expectedCy = (y + head * (FaceImages.FACE_CY * 512 - FaceImages.HEAD_Y) / FaceImages.HEAD_SIDE) / 360f;
        assertThat(face.box().centerX()).isCloseTo(expectedCx, within(facePixels * 0.3f / 640));
        assertThat(face.box().centerY()).isCloseTo(expectedCy, within(facePixels * 0.3f / 360));
        assertThat(face.box().width() * 640).isBetween(facePixels * 0.6f, facePixels * 1.6f);
    }
}
