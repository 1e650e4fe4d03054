package io.streamlens.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record of {@code video.captions}: what a window of a stream showed.
 *
 * @param streamId the stream
 * @param captionId {@code streamId + "/" + startMs}: the same window always gets the same id, so
 *     consumers can deduplicate
 * @param startMs window start, from the source's first frame
 * @param endMs window end
 * @param text the caption
 * @param source the stream's source
 * @param evidence what the caption rests on
 * @param visualTokens visual tokens of the window before and after compression
 * @param model the model pack that made it
 */
public record Caption(String streamId, String captionId, long startMs, long endMs, String text, String source,
                      Evidence evidence, TokenCounts visualTokens, String model) {

    public Caption {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(text, "text");
        source = source == null ? "" : source;
    }

    public static String idOf(String streamId, long startMs) {
        return streamId + "/" + startMs;
    }

    /**
     * @param text on-screen text read in the window, deduplicated, in reading order
     * @param sceneIds the shots the window's frames belong to
     * @param sceneChangesMs when new shots began inside the window
     * @param frames how many sampled frames the window had
     * @param speech the words spoken in the window, or why there are none
     * @param people the most faces and people seen in one frame of the window, with their boxes
     * @param motion how much the picture moved
     * @param modelFailure why the model pack could not caption the window, which then has the
     *     perception caption; empty (and left out of the JSON) when nothing failed
     * @param carriedOverMs the times of the window's frames whose text, objects and people were
     *     carried over from an earlier frame of the stream because the picture had not changed
     *     since; empty (and left out of the JSON) when the models looked at every frame
     * @param shed what a live job running behind its streams left out of the window's frames, and
     *     why; null (and left out of the JSON) when nothing was
     */
    public record Evidence(List<String> text, List<Integer> sceneIds, List<Long> sceneChangesMs, int frames,
                           Speech speech, People people, Motion motion,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) String modelFailure, ObjectsSeen objects,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> carriedOverMs,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Shed shed) {
        public Evidence {
            carriedOverMs = carriedOverMs == null ? List.of() : List.copyOf(carriedOverMs);
            objects = objects == null ? ObjectsSeen.NOT_LOOKED : objects;
            modelFailure = modelFailure == null ? "" : modelFailure;
            text = List.copyOf(text);
            sceneIds = List.copyOf(sceneIds);
            sceneChangesMs = List.copyOf(sceneChangesMs);
            speech = speech == null ? Speech.NOT_LISTENED : speech;
            people = people == null ? People.NOT_LOOKED : people;
            motion = motion == null ? Motion.UNKNOWN : motion;
        }

        public Evidence(List<String> text, List<Integer> sceneIds, List<Long> sceneChangesMs, int frames,
                        Speech speech, People people, Motion motion) {
            this(text, sceneIds, sceneChangesMs, frames, speech, people, motion, "", null);
        }

        /** Evidence of a window nothing was shed from. */
        public Evidence(List<String> text, List<Integer> sceneIds, List<Long> sceneChangesMs, int frames,
                        Speech speech, People people, Motion motion, String modelFailure, ObjectsSeen objects,
                        List<Long> carriedOverMs) {
            this(text, sceneIds, sceneChangesMs, frames, speech, people, motion, modelFailure, objects, carriedOverMs, null);
        }

        /** Evidence with every finding from the models' own look at each frame. */
        public Evidence(List<String> text, List<Integer> sceneIds, List<Long> sceneChangesMs, int frames,
                        Speech speech, People people, Motion motion, String modelFailure, ObjectsSeen objects) {
            this(text, sceneIds, sceneChangesMs, frames, speech, people, motion, modelFailure, objects, null);
        }

        /** Evidence of a window whose audio, people and motion were not looked at. */
        public Evidence(List<String> text, List<Integer> sceneIds, List<Long> sceneChangesMs, int frames) {
            this(text, sceneIds, sceneChangesMs, frames, null, null, null, "", null);
        }

        /** The same evidence, saying why the model pack's caption is missing. */
        public Evidence withModelFailure(String why) {
            return new Evidence(text, sceneIds, sceneChangesMs, frames, speech, people, motion, why, objects, carriedOverMs, shed);
        }

        /** The same evidence with the window's objects. */
        public Evidence withObjects(ObjectsSeen value) {
            return new Evidence(text, sceneIds, sceneChangesMs, frames, speech, people, motion, modelFailure, value, carriedOverMs, shed);
        }

        /** The same evidence, naming the frames whose findings were carried over. */
        public Evidence withCarriedOver(List<Long> frameTimesMs) {
            return new Evidence(text, sceneIds, sceneChangesMs, frames, speech, people, motion, modelFailure, objects, frameTimesMs, shed);
        }

        /** The same evidence, saying what was shed from the window (null: nothing). */
        public Evidence withShed(Shed value) {
            return new Evidence(text, sceneIds, sceneChangesMs, frames, speech, people, motion, modelFailure, objects, carriedOverMs, value);
        }
    }

    /**
     * What a live job running behind its streams left out of a window ({@link ShedWork} of its frames).
     *
     * @param level the hardest shedding any of its frames saw (1: the first models given up)
     * @param behindMs how far behind its streams the analysis ran at worst
     * @param frames how many of the window's frames some model skipped
     * @param skipped the models that skipped at least one of its frames, first given up first
     * @param why the same in words
     */
    public record Shed(int level, long behindMs, int frames, List<String> skipped, String why) {
        public Shed {
            skipped = List.copyOf(skipped);
            why = why == null ? "" : why;
        }
    }

    /**
     * Words spoken in a window; {@code note} says why there are none when there cannot be any.
     *
     * @param heard what the audio held, from voice activity and loudness: {@code speech},
     *     {@code music or noise}, {@code silence}, {@code no audio track}, or empty when not listened to
     */
    public record Speech(List<SpokenWord> words, String note, String heard) {
        public static final Speech NOT_LISTENED = new Speech(List.of(), "speech recognition off");

        public Speech {
            words = List.copyOf(words);
            note = note == null ? "" : note;
            heard = heard == null ? "" : heard;
        }

        public Speech(List<SpokenWord> words, String note) {
            this(words, note, "");
        }
    }

    /**
     * The frame of a window with the most people in view.
     *
     * @param atMs when that frame was
     * @param expressions the expressions of that frame's faces the model could judge
     * @param postures the postures of that frame's people the pose model looked at
     * @param smilingMs when a face was confidently smiling in any frame of the window (-1: never)
     * @param stances every confident stance seen in any frame of the window ({@code lying},
     *     {@code sitting}, {@code standing}, {@code arms raised}), with when each was first seen
     */
    public record People(boolean looked, int faces, int people, long atMs, List<Region> faceBoxes, List<Region> peopleBoxes,
                         List<FaceExpression> expressions, List<PersonPosture> postures, long smilingMs,
                         Map<String, Long> stances) {
        public static final People NOT_LOOKED = new People(false, 0, 0, -1, List.of(), List.of());

        public People {
            faceBoxes = List.copyOf(faceBoxes);
            peopleBoxes = List.copyOf(peopleBoxes);
            expressions = expressions == null ? List.of() : List.copyOf(expressions);
            postures = postures == null ? List.of() : List.copyOf(postures);
            stances = stances == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(stances));
        }

        /** A window's people without expressions or postures (their models did not run). */
        public People(boolean looked, int faces, int people, long atMs, List<Region> faceBoxes, List<Region> peopleBoxes) {
            this(looked, faces, people, atMs, faceBoxes, peopleBoxes, List.of(), List.of(), -1, Map.of());
        }
    }

    /**
     * How much the picture changed from frame to frame.
     *
     * @param label {@code static}, {@code moving} or {@code cut} (a new shot began inside the window)
     * @param meanDifference mean absolute luma difference between consecutive frames, 0..1
     */
    public record Motion(String label, double meanDifference) {
        public static final Motion UNKNOWN = new Motion("", -1);
    }

    /** Visual tokens of a window before ({@code raw}) and after ({@code kept}) compression. */
    public record TokenCounts(int raw, int kept) {
    }
}
