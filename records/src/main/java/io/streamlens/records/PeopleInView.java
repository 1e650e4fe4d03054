package io.streamlens.records;

import java.util.List;

/**
 * Who a detector saw in a frame: faces, and people (whole bodies, and faces outside any body).
 * {@link #NOT_LOOKED} when no detector ran, so that "none seen" is never claimed without a look.
 *
 * @param expressions the faces large enough for the expression model to judge (none when it did not run)
 * @param postures the people the pose model looked at, largest first (none when it did not run)
 */
public record PeopleInView(boolean looked, List<Region> faces, List<Region> people, List<FaceExpression> expressions,
                           List<PersonPosture> postures) {
    public static final PeopleInView NOT_LOOKED = new PeopleInView(false, List.of(), List.of(), List.of(), List.of());

    public PeopleInView {
        faces = List.copyOf(faces);
        people = List.copyOf(people);
        expressions = expressions == null ? List.of() : List.copyOf(expressions);
        postures = postures == null ? List.of() : List.copyOf(postures);
    }

    public static PeopleInView seen(List<Region> faces, List<Region> people) {
        return new PeopleInView(true, faces, people, List.of(), List.of());
    }

    public PeopleInView withExpressions(List<FaceExpression> value) {
        return new PeopleInView(looked, faces, people, value, postures);
    }

    public PeopleInView withPostures(List<PersonPosture> value) {
        return new PeopleInView(looked, faces, people, expressions, value);
    }
}
