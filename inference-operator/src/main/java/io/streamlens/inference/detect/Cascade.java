package io.streamlens.inference.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * The Haar cascades used here, as OpenCV's linux-x86_64 jar ships them.
 *
 * <p>They are parsed from memory ({@link FileStorage#MEMORY}) rather than from a path: no temp
 * files to copy, clean up or race over, and the jar stays the one source of truth.
 */
enum Cascade {
    FRONTAL_FACE("haarcascade_frontalface_default.xml"),
    /** Second opinion on faces: see {@link SecondOpinion}. */
    FRONTAL_FACE_ALT2("haarcascade_frontalface_alt2.xml"),
    FULL_BODY("haarcascade_fullbody.xml");

    private static final String FOLDER = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/";

    private final String file;

    Cascade(String file) {
        this.file = file;
    }

    /** A freshly parsed classifier; the caller owns it and must close it. */
    CascadeClassifier load() {
        String xml = xml();
        try (FileStorage storage = new FileStorage(xml, FileStorage.READ | FileStorage.MEMORY)) {
            CascadeClassifier classifier = new CascadeClassifier();
            if (!classifier.read(storage.getFirstTopLevelNode()) || classifier.empty()) {
                classifier.close();
                throw new IllegalStateException("OpenCV could not parse the cascade " + FOLDER + file);
            }
            return classifier;
        }
    }

    private String xml() {
        try (InputStream in = Cascade.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("cascade " + FOLDER + file
                        + " is not on the classpath: add org.bytedeco:opencv with classifier linux-x86_64");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
