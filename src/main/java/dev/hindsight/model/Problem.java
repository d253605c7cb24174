package dev.hindsight.model;

import java.util.Comparator;

/**
 * A problem found in the input: where it is, how bad it is, and what to do about it.
 *
 * @param path   the file, relative to the content folder where possible ("" for the site as a whole)
 * @param line   1-based line (1 for a problem about a whole file), or 0 when there is no line to point at: a folder,
 *               the site as a whole, the cache
 * @param column 1-based column, or 0 when unknown
 * @param level  how serious it is
 * @param message a sentence a person can act on
 * @param rule   a stable rule id such as {@code yaml-syntax} or {@code blameless-language}
 */
public record Problem(String path, int line, int column, Level level, String message, String rule) {

    /** How serious a problem is. */
    public enum Level {
        ERROR, WARNING, INFO;

        /** Returns the lower-case name used in reports. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Orders problems by path, line, column, then rule and message, so output is stable. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::rule)
            .thenComparing(Problem::message);

    public Problem {
        Validate.notNull(path, "path");
        Validate.notNull(level, "level");
        Validate.notBlank(message, "message");
        Validate.notNull(rule, "rule");
        Validate.isTrue(line >= 0 && column >= 0, "line and column must not be negative");
    }

    /** Creates an error at a line. */
    public static Problem error(String path, int line, String rule, String message) {
        return new Problem(path, line, 0, Level.ERROR, message, rule);
    }

    /** Creates a warning at a line. */
    public static Problem warning(String path, int line, String rule, String message) {
        return new Problem(path, line, 0, Level.WARNING, message, rule);
    }

    /** Creates an informational note at a line. */
    public static Problem info(String path, int line, String rule, String message) {
        return new Problem(path, line, 0, Level.INFO, message, rule);
    }

    /** Returns true for errors. */
    public boolean isError() {
        return level == Level.ERROR;
    }

    /**
     * Returns where the problem is, as {@code file:line:col}: without the column when it is unknown, and without the
     * line when there is none (a folder is printed as {@code folder}, never {@code folder:0}).
     */
    public String where() {
        StringBuilder sb = new StringBuilder(path.isEmpty() ? "site" : path);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    /** Formats as {@code file:line:col: level: message [rule]}. */
    public String format() {
        StringBuilder sb = new StringBuilder(where());
        sb.append(": ").append(level.label()).append(": ").append(message);
        if (!rule.isEmpty()) {
            sb.append(" [").append(rule).append(']');
        }
        return sb.toString();
    }
}
