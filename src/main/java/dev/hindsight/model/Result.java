package dev.hindsight.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage's value together with the problems found while making it.
 *
 * @param value    the value (never null)
 * @param problems what went wrong or looks wrong, in a stable order
 */
public record Result<T>(T value, List<Problem> problems) {
    public Result {
        Validate.notNull(value, "value");
        problems = List.copyOf(problems);
    }

    /** Creates a result with no problems. */
    public static <T> Result<T> of(T value) {
        return new Result<>(value, List.of());
    }

    /** Returns true when any problem is an error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Returns the problems followed by more. */
    public List<Problem> problemsWith(List<Problem> more) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(more);
        return all;
    }
}
