package dev.hindsight.check;

import dev.hindsight.model.Validate;

/**
 * A place in a source file: a 1-based line and column, where 0 means unknown.
 *
 * @param line   1-based line, or 0 for the file as a whole
 * @param column 1-based column, or 0 when unknown
 */
public record Position(int line, int column) {
    /** The file as a whole. */
    public static final Position FILE = new Position(0, 0);

    public Position {
        Validate.isTrue(line >= 0 && column >= 0, "line and column must not be negative");
    }

    /** Returns the start of a line, or the whole file for line 0. */
    public static Position line(int line) {
        return new Position(Math.max(0, line), 0);
    }

    /** Returns true when the line is known. */
    public boolean known() {
        return line > 0;
    }

    /** Returns this position when known, else the other one. */
    public Position or(Position other) {
        return known() ? this : other;
    }
}
