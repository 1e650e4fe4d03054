package io.streamlens.records;

import java.util.List;

/**
 * Who a detector saw in a frame: faces, and people (whole bodies, and faces outside any body).
 * {@link #NOT_LOOKED} when no detector ran, so that "none seen" is never claimed without a look.
 */
public record PeopleInView(boolean looked, List<Region> faces, List<Region> people) {
    public static final PeopleInView NOT_LOOKED = new PeopleInView(false, List.of(), List.of());

    public PeopleInView {
        faces = List.copyOf(faces);
        people = List.copyOf(people);
    }

    public static PeopleInView seen(List<Region> faces, List<Region> people) {
        return new PeopleInView(true, faces, people);
    }
}
