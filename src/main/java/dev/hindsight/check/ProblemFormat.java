package dev.hindsight.check;

import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Problem;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How {@code hindsight check} prints problems: plain text for people and editors, GitHub Actions workflow
 * commands (annotations that show inline on a pull request), or JSON for other tools.
 */
public enum ProblemFormat {
    /** {@code file:line:col: level: message [rule]}, one per line. */
    TEXT,
    /** {@code ::error file=…,line=…,col=…,title=…::message}, one per line. */
    GITHUB,
    /** A JSON array of objects with file, line, column, level, rule and message. */
    JSON;

    /** Formats problems; the path function turns content-relative paths into the paths to print. */
    public String format(List<Problem> problems, UnaryOperator<String> path) {
        StringBuilder sb = new StringBuilder();
        switch (this) {
            case TEXT -> problems.forEach(p -> sb.append(text(p, path)).append('\n'));
            case GITHUB -> problems.forEach(p -> sb.append(github(p, path)).append('\n'));
            case JSON -> json(problems, path, sb);
            default -> throw new IllegalStateException("unknown format " + this);
        }
        return sb.toString();
    }

    /** Formats one problem as text. */
    static String text(Problem p, UnaryOperator<String> path) {
        String file = p.path().isEmpty() ? "" : path.apply(p.path());
        return new Problem(file, p.line(), p.column(), p.level(), p.message(), p.rule()).format();
    }

    /** Formats one problem as a GitHub workflow command. */
    static String github(Problem p, UnaryOperator<String> path) {
        String command = switch (p.level()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        StringBuilder props = new StringBuilder();
        if (!p.path().isEmpty()) {
            props.append("file=").append(property(path.apply(p.path())));
            if (p.line() > 0) {
                props.append(",line=").append(p.line());
                if (p.column() > 0) {
                    props.append(",col=").append(p.column());
                }
            }
            props.append(',');
        }
        props.append("title=").append(property("hindsight " + (p.rule().isEmpty() ? p.level().label() : p.rule())));
        return "::" + command + " " + props + "::" + data(p.message());
    }

    /** Escapes a workflow command's message: %, CR and LF. */
    public static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value: %, CR, LF, ':' and ','. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** Writes the problems as an indented array with one object a line, ending in a newline. */
    private static void json(List<Problem> problems, UnaryOperator<String> path, StringBuilder sb) {
        sb.append(JsonOut.string(JsonOut.Layout.INDENTED, g -> {
            g.writeStartArray();
            for (Problem p : problems) {
                JsonOut.oneLine(g, o -> {
                    o.writeStartObject();
                    o.writeStringField("file", p.path().isEmpty() ? "" : path.apply(p.path()));
                    o.writeNumberField("line", p.line());
                    o.writeNumberField("column", p.column());
                    o.writeStringField("level", p.level().label());
                    o.writeStringField("rule", p.rule());
                    o.writeStringField("message", p.message());
                    o.writeEndObject();
                });
            }
            g.writeEndArray();
        })).append('\n');
    }

    /** Parses a format name in any case. */
    public static ProblemFormat parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
