package dev.hindsight.model;

import java.util.List;

/**
 * Lessons learned, as lists of plain-text points.
 */
public record Lessons(List<String> wentWell, List<String> wentWrong, List<String> lucky) {

    /** No lessons recorded. */
    public static final Lessons NONE = new Lessons(List.of(), List.of(), List.of());

    public Lessons {
        wentWell = List.copyOf(wentWell);
        wentWrong = List.copyOf(wentWrong);
        lucky = List.copyOf(lucky);
    }

    /** Returns true when nothing is recorded. */
    public boolean isEmpty() {
        return wentWell.isEmpty() && wentWrong.isEmpty() && lucky.isEmpty();
    }
}
