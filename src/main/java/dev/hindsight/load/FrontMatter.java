package dev.hindsight.load;

import dev.hindsight.config.YamlNode;
import dev.hindsight.config.YamlReader;
import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a Markdown file, split from its body.
 *
 * <p>Four forms are read:
 * <ul>
 *   <li>YAML between a first line {@code ---} and the next line {@code ---} (or {@code ...}); both must be whole
 *       lines. A first {@code ---} that is never closed is an error, and the whole file is then read as body;</li>
 *   <li>TOML between a first line {@code +++} and the next line {@code +++}, as Hugo writes it (see
 *       {@link TomlHeader});</li>
 *   <li>JSON: an object from a first line that opens with <code>{</code> to the first line that is only
 *       <code>}</code>, as Hugo reads it. YAML 1.2 reads JSON, so it is read as YAML is; a block that does not read
 *       as an object is no header, and the file is all body;</li>
 *   <li>JBake's header: {@code key=value} lines up to a line of {@code ~~~~~~} (six or more tildes);</li>
 *   <li>none: the whole file is body.</li>
 * </ul>
 * YAML that is not a map (a list or a single value) is an error; its keys are then not read.
 *
 * @param form     which form the header had
 * @param keys     the header's keys, as a YAML map (JBake values are text), if it had any that could be read
 * @param body     the body text after the header
 * @param bodyLine the 1-based file line the body starts on
 * @param problems problems found in the header
 */
record FrontMatter(Form form, Optional<YamlNode.Mapping> keys, String body, int bodyLine, List<Problem> problems) {

    /** The form of a header. */
    enum Form { YAML, TOML, JSON, JBAKE, NONE }

    private static final Pattern YAML_END = Pattern.compile("^(---|\\.\\.\\.)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern JSON_END = Pattern.compile("^\\}[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern JBAKE_END = Pattern.compile("^~{6,}[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern JBAKE_LINE = Pattern.compile("^([A-Za-z_][\\w.-]*)[ \\t]*=(.*)$");
    /** How far down the file a JBake header end is looked for. */
    private static final int JBAKE_MAX_LINES = 200;

    FrontMatter {
        problems = List.copyOf(problems);
    }

    /** Splits a file's normalized text into header and body. */
    static FrontMatter split(String text, String path) {
        if (text.startsWith("---\n") || text.equals("---") || text.startsWith("--- \n")) {
            return yaml(text, path);
        }
        if (TomlHeader.starts(text)) {
            return TomlHeader.split(text, path);
        }
        if (text.startsWith("{")) {
            Optional<FrontMatter> json = json(text, path);
            if (json.isPresent()) {
                return json.get();
            }
        }
        Optional<FrontMatter> jbake = jbake(text, path);
        return jbake.orElseGet(() -> new FrontMatter(Form.NONE, Optional.empty(), text, 1, List.of()));
    }

    private static FrontMatter yaml(String text, String path) {
        int start = text.indexOf('\n') + 1;
        if (start == 0) {
            return unclosed(text, path);
        }
        Matcher end = YAML_END.matcher(text);
        if (!end.find(start)) {
            return unclosed(text, path);
        }
        String yaml = text.substring(start, end.start());
        int afterEnd = text.indexOf('\n', end.start());
        String body = afterEnd < 0 ? "" : text.substring(afterEnd + 1);
        int bodyLine = 2 + lines(yaml) + 1;
        List<Problem> problems = new ArrayList<>();
        var read = new YamlReader().read(yaml, path, 2);
        problems.addAll(read.problems());
        Optional<YamlNode.Mapping> keys = Optional.empty();
        if (read.value().isPresent()) {
            YamlNode node = read.value().get();
            if (node instanceof YamlNode.Mapping m) {
                keys = Optional.of(m);
            } else if (!(node instanceof YamlNode.Scalar s && s.isNull())) {
                problems.add(Problem.error(path, node.line(), "front-matter",
                        "front matter must be a map of keys like `title: ...`, not " + node.kind()));
            }
        }
        return new FrontMatter(Form.YAML, keys, body, bodyLine, problems);
    }

    /** Reads a JSON object at the top of a file, when there is one that reads without problems. */
    private static Optional<FrontMatter> json(String text, String path) {
        Matcher end = JSON_END.matcher(text);
        if (!end.find()) {
            return Optional.empty();
        }
        int afterEnd = text.indexOf('\n', end.start());
        String json = afterEnd < 0 ? text : text.substring(0, afterEnd + 1);
        var read = new YamlReader().read(json, path, 1);
        if (!read.problems().isEmpty() || !(read.value().orElse(null) instanceof YamlNode.Mapping m)) {
            return Optional.empty();
        }
        String body = afterEnd < 0 ? "" : text.substring(afterEnd + 1);
        return Optional.of(new FrontMatter(Form.JSON, Optional.of(m), body, lines(json) + 1, List.of()));
    }

    private static FrontMatter unclosed(String text, String path) {
        Problem p = Problem.error(path, 1, "front-matter",
                "front matter starts with `---` on line 1 but is never closed: add a line `---` after the last key");
        return new FrontMatter(Form.NONE, Optional.empty(), text, 1, List.of(p));
    }

    private static Optional<FrontMatter> jbake(String text, String path) {
        Matcher end = JBAKE_END.matcher(text);
        if (!end.find()) {
            return Optional.empty();
        }
        String header = text.substring(0, end.start());
        String[] lines = header.split("\n", -1);
        if (lines.length - 1 > JBAKE_MAX_LINES) {
            return Optional.empty();
        }
        List<YamlNode.Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher m = JBAKE_LINE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            String key = m.group(1).trim();
            if (entries.stream().anyMatch(e -> e.key().equals(key))) {
                problems.add(Problem.error(path, i + 1, "yaml-duplicate-key", "duplicate key '" + key
                        + "'; the first value is used"));
                continue;
            }
            entries.add(new YamlNode.Entry(key, i + 1, new YamlNode.Scalar(m.group(2).strip(), true, i + 1)));
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        int afterEnd = text.indexOf('\n', end.start());
        String body = afterEnd < 0 ? "" : text.substring(afterEnd + 1);
        int bodyLine = lines(text.substring(0, end.start())) + 2;
        return Optional.of(new FrontMatter(Form.JBAKE, Optional.of(new YamlNode.Mapping(entries, 1)), body, bodyLine,
                problems));
    }

    /** Counts the lines of a text that ends with a newline (or is empty). */
    static int lines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
