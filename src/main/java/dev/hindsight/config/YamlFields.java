package dev.hindsight.config;

import dev.hindsight.model.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalLong;

/**
 * Reads typed values out of YAML entries, reporting a wrong type as an error that names the key and its line.
 * One instance collects the problems of one file.
 */
public final class YamlFields {
    /** The most items read from one list of text values; the rest are dropped with a warning. */
    public static final int MAX_LIST_ITEMS = 200;

    private final String path;
    private final List<Problem> problems;

    /** Creates a reader that adds its problems to a list. */
    public YamlFields(String path, List<Problem> problems) {
        this.path = path;
        this.problems = problems;
    }

    /** Returns the file the problems are about. */
    public String path() {
        return path;
    }

    /** Reads text; a list or map is an error, and an empty value gives empty. */
    public Optional<String> text(YamlNode.Entry e) {
        return text(e.key(), e.value());
    }

    /** Reads text from a value, naming a key in messages. */
    public Optional<String> text(String key, YamlNode value) {
        if (value instanceof YamlNode.Scalar s) {
            return s.isNull() || s.value().isBlank() ? Optional.empty() : Optional.of(s.value().strip());
        }
        wrongType(key, value, "text");
        return Optional.empty();
    }

    /**
     * Reads a list of text values; one text value counts as a list, split at commas. A person written as a map with a
     * name ({@code {name: Dana, team: sre}}, as exports write people), alone or as an item, counts as the name.
     */
    public List<String> texts(YamlNode.Entry e) {
        List<String> out = new ArrayList<>();
        Optional<String> named = named(e.value());
        if (named.isPresent()) {
            out.add(named.get());
        } else if (e.value() instanceof YamlNode.Scalar s) {
            if (!s.isNull()) {
                for (String part : s.value().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        } else if (e.value() instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s) {
                    if (!s.isNull() && !s.value().isBlank()) {
                        out.add(s.value().strip());
                    }
                } else {
                    named(item).ifPresentOrElse(out::add, () -> problems.add(Problem.error(path, item.line(), "wrong-type",
                            "`" + e.key() + "` items must be text, not " + item.kind() + "; this item is ignored")));
                }
            }
        } else {
            wrongType(e.key(), e.value(), "a list of text values");
        }
        if (out.size() > MAX_LIST_ITEMS) {
            problems.add(Problem.warning(path, e.line(), "list-limit", "`" + e.key() + "` has " + out.size()
                    + " items; only the first " + MAX_LIST_ITEMS + " are used"));
            return List.copyOf(out.subList(0, MAX_LIST_ITEMS));
        }
        return out;
    }

    /** Returns the name of a map that has a text {@code name}, as a person is often written. */
    private static Optional<String> named(YamlNode value) {
        if (value instanceof YamlNode.Mapping m && m.entry("name").map(YamlNode.Entry::value).orElse(null)
                instanceof YamlNode.Scalar s && !s.isNull() && !s.value().isBlank()) {
            return Optional.of(s.value().strip());
        }
        return Optional.empty();
    }

    /** Reads true or false (yes/no and on/off are accepted too). */
    public Optional<Boolean> bool(YamlNode.Entry e) {
        Optional<String> t = text(e);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        switch (t.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return Optional.of(true);
            }
            case "false", "no", "off" -> {
                return Optional.of(false);
            }
            default -> {
                problems.add(Problem.error(path, e.line(), "wrong-type",
                        "`" + e.key() + "` must be true or false, not '" + t.get() + "'"));
                return Optional.empty();
            }
        }
    }

    /** Reads a whole number, allowing '_' and ',' as digit separators. */
    public OptionalLong number(YamlNode.Entry e) {
        Optional<String> t = text(e);
        if (t.isEmpty()) {
            return OptionalLong.empty();
        }
        String digits = t.get().replace("_", "").replace(",", "");
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException ex) {
            problems.add(Problem.error(path, e.line(), "wrong-type",
                    "`" + e.key() + "` must be a whole number, not '" + t.get() + "'"));
            return OptionalLong.empty();
        }
    }

    /** Reads a calendar date written as YYYY-MM-DD (a time after it is allowed and ignored). */
    public Optional<LocalDate> date(YamlNode.Entry e) {
        return date(e, v -> Optional.empty());
    }

    /**
     * Reads a calendar date written as YYYY-MM-DD (a time after it is allowed and ignored), else as another reader
     * reads it ("March 3rd 2023"), with a note saying how it was read. A value neither reads is a warning and is
     * left out: a day a page cannot read is a gap it shows ("Date unknown", no due day), which never blocks the site;
     * {@code check --strict} fails on it.
     */
    public Optional<LocalDate> date(YamlNode.Entry e, Function<String, Optional<LocalDate>> other) {
        Optional<String> t = text(e);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String v = t.get();
        String day = v.length() > 10 && (v.charAt(10) == 'T' || v.charAt(10) == ' ') ? v.substring(0, 10) : v;
        try {
            return Optional.of(LocalDate.parse(day));
        } catch (DateTimeParseException ex) {
            Optional<LocalDate> read = other.apply(v);
            if (read.isPresent()) {
                problems.add(Problem.info(path, e.line(), "date-form", "`" + e.key() + "` '" + v + "' is read as "
                        + read.get() + "; write it as " + read.get()));
                return read;
            }
            problems.add(Problem.warning(path, e.line(), "wrong-type",
                    "`" + e.key() + "` must be a date like 2024-03-11, not '" + v + "'; the value is left out"));
            return Optional.empty();
        }
    }

    /** Reads a map. */
    public Optional<YamlNode.Mapping> map(YamlNode.Entry e) {
        if (e.value() instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        if (!(e.value() instanceof YamlNode.Scalar s && s.isNull())) {
            wrongType(e.key(), e.value(), "a map of keys and values");
        }
        return Optional.empty();
    }

    /** Reads a list. */
    public Optional<YamlNode.Sequence> list(YamlNode.Entry e) {
        if (e.value() instanceof YamlNode.Sequence s) {
            return Optional.of(s);
        }
        if (!(e.value() instanceof YamlNode.Scalar s && s.isNull())) {
            wrongType(e.key(), e.value(), "a list");
        }
        return Optional.empty();
    }

    /** Adds an error at a line. */
    public void error(int line, String rule, String message) {
        problems.add(Problem.error(path, line, rule, message));
    }

    /** Adds a warning at a line. */
    public void warning(int line, String rule, String message) {
        problems.add(Problem.warning(path, line, rule, message));
    }

    /** Adds an informational note at a line. */
    public void info(int line, String rule, String message) {
        problems.add(Problem.info(path, line, rule, message));
    }

    private void wrongType(String key, YamlNode value, String wanted) {
        problems.add(Problem.error(path, value.line(), "wrong-type",
                "`" + key + "` must be " + wanted + ", not " + value.kind() + " (" + shorten(value.text()) + ")"));
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
