package io.streamlens.inference.faces;

/**
 * The six points BlazeFace places on a face, in the model's output order. "Right" and "left" are
 * the person's own: facing the camera, their right eye is on the left of the picture.
 */
public enum FaceLandmark {
    RIGHT_EYE,
    LEFT_EYE,
    NOSE_TIP,
    MOUTH,
    RIGHT_EAR,
    LEFT_EAR
}
