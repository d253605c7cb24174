package dev.hindsight.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.hindsight.config.YamlNode;
import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TOML front matter, between a first line {@code +++} and the next line {@code +++}, as Hugo writes it. The
 * TOML is parsed by Jackson's TOML reader into a tree, then turned into the key model YAML front matter gives, so
 * every key means what it means in YAML. Lines: a key's line is the line that assigns it, in its table.
 */
final class TomlHeader {
    private static final Pattern END = Pattern.compile("^\\+\\+\\+[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern TABLE = Pattern.compile("^\\s*\\[{1,2}\\s*([^\\]]+?)\\s*\\]{1,2}\\s*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^\\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\\s*=");
    private static final TomlMapper TOML = new TomlMapper();

    private TomlHeader() {
    }

    /** Returns true when a file's text starts with a TOML header's first line. */
    static boolean starts(String text) {
        return text.startsWith("+++\n") || text.startsWith("+++ \n");
    }

    /** Splits a file that starts with {@code +++} into its TOML header's keys and its body. */
    static FrontMatter split(String text, String path) {
        int start = text.indexOf('\n') + 1;
        Matcher end = END.matcher(text);
        if (!end.find(start)) {
            return new FrontMatter(FrontMatter.Form.NONE, Optional.empty(), text, 1, List.of(Problem.error(path, 1,
                    "front-matter", "front matter starts with `+++` on line 1 but is never closed: add a line `+++` "
                            + "after the last key")));
        }
        String toml = text.substring(start, end.start());
        int afterEnd = text.indexOf('\n', end.start());
        String body = afterEnd < 0 ? "" : text.substring(afterEnd + 1);
        int bodyLine = 2 + FrontMatter.lines(toml) + 1;
        JsonNode tree;
        try {
            tree = TOML.readTree(toml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : 1 + Math.max(1, e.getLocation().getLineNr());
            return new FrontMatter(FrontMatter.Form.TOML, Optional.empty(), body, bodyLine, List.of(Problem.error(path,
                    line, "front-matter", "TOML front matter does not parse: " + e.getOriginalMessage())));
        }
        String[] rows = toml.split("\n", -1);
        return new FrontMatter(FrontMatter.Form.TOML, Optional.of(mapping(tree, "", rows, 1)), body, bodyLine,
                List.of());
    }

    /** Turns a TOML table into a map of entries, each on the line that assigns it. */
    private static YamlNode.Mapping mapping(JsonNode table, String name, String[] rows, int line) {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = table.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String inner = name.isEmpty() ? f.getKey() : name + "." + f.getKey();
            int at = lineOf(rows, name, f.getKey(), f.getValue().isObject() ? inner : "").orElse(line);
            entries.add(new YamlNode.Entry(f.getKey(), at, node(f.getValue(), inner, rows, at)));
        }
        return new YamlNode.Mapping(entries, line);
    }

    private static YamlNode node(JsonNode v, String name, String[] rows, int line) {
        if (v.isObject()) {
            return mapping(v, name, rows, line);
        }
        if (v.isArray()) {
            List<YamlNode> items = new ArrayList<>();
            v.forEach(item -> items.add(node(item, name, rows, line)));
            return new YamlNode.Sequence(items, line);
        }
        return new YamlNode.Scalar(v.asText(), !v.isTextual(), line);
    }

    /**
     * Returns the header line (2 for the first line after {@code +++}) that assigns a key in a table ("" for the
     * top), or that opens the table a key names ({@code [times]}); empty when not found (a dotted or inline key).
     */
    private static Optional<Integer> lineOf(String[] rows, String table, String key, String opens) {
        String current = "";
        for (int i = 0; i < rows.length; i++) {
            Matcher t = TABLE.matcher(rows[i]);
            if (t.matches()) {
                current = t.group(1).replace("\"", "").replace("'", "");
                if (!opens.isEmpty() && current.equals(opens)) {
                    return Optional.of(i + 2);
                }
                continue;
            }
            Matcher k = KEY.matcher(rows[i]);
            if (k.find() && current.equals(table) && k.group(1).replaceAll("^[\"']|[\"']$", "").equals(key)) {
                return Optional.of(i + 2);
            }
        }
        return Optional.empty();
    }
}
