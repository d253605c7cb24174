package dev.hindsight.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where keys are in TOML front matter (between {@code +++} lines, as Hugo writes it), for {@link SourceMap}. A key
 * belongs to the table whose header ({@code [times]}, {@code [[action_items]]}) is above it, or to the top before the
 * first header; a dotted key ({@code times.started = ...}) and an inline table ({@code times = {started = ...}}) name
 * their table on their own line. The loader reads the same lines (its TOML header reader); this class only finds
 * them again in the raw text, line by line, so that a check can point at them.
 */
final class TomlKeys {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[{1,2}\\s*([^\\]]+?)\\s*\\]{1,2}\\s*(#.*)?$");
    private static final String NAME = "(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)";
    private static final Pattern KEY = Pattern.compile("^\\s*(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")*)\\s*=");

    private final List<String> lines;
    private final int first;
    private final int last;

    /**
     * Reads the header between two lines.
     *
     * @param lines the file's lines
     * @param first the first line of the header's content (1-based, after {@code +++})
     * @param last  its last line (before the closing {@code +++})
     */
    TomlKeys(List<String> lines, int first, int last) {
        this.lines = lines;
        this.first = first;
        this.last = last;
    }

    /** Returns the line that assigns a top-level key, or opens the table it names; 0 when there is none. */
    int keyLine(String key) {
        String table = "";
        for (int n = first; n <= last; n++) {
            String text = lines.get(n - 1);
            Matcher h = HEADER.matcher(text);
            if (h.matches()) {
                table = path(h.group(1));
                if (head(table).equals(key)) {
                    return n;
                }
                continue;
            }
            Matcher k = KEY.matcher(text);
            if (table.isEmpty() && k.find() && head(path(k.group(1))).equals(key)) {
                return n;
            }
        }
        return 0;
    }

    /**
     * Returns the position of a key of a table ({@code started} of {@code times}): assigned under its header, as a
     * dotted key, or inside an inline table; {@link Position#FILE} when neither the table nor the key is there.
     */
    Position nested(String table, String key) {
        String current = "";
        String dotted = table + "." + key;
        Pattern inline = Pattern.compile("(?<![\\w-])" + Pattern.quote(key) + "\\s*=");
        for (int n = first; n <= last; n++) {
            String text = lines.get(n - 1);
            Matcher h = HEADER.matcher(text);
            if (h.matches()) {
                current = path(h.group(1));
                continue;
            }
            Matcher k = KEY.matcher(text);
            if (!k.find()) {
                continue;
            }
            String name = path(k.group(1));
            if (current.equals(table) && name.equals(key) || current.isEmpty() && name.equals(dotted)) {
                return new Position(n, text.length() - text.stripLeading().length() + 1);
            }
            if (current.isEmpty() && name.equals(table)) {
                Matcher m = inline.matcher(text);
                if (m.find(k.end())) {
                    return new Position(n, m.start() + 1);
                }
            }
        }
        int line = keyLine(table);
        return line == 0 ? Position.FILE : new Position(line, 1);
    }

    /**
     * Returns the last line of a key's block: a table runs to the next header, a value to the line where its brackets
     * (a list or inline table written over several lines) close.
     */
    int blockEnd(int keyLine) {
        if (HEADER.matcher(lines.get(keyLine - 1)).matches()) {
            int n = keyLine + 1;
            while (n <= last && !HEADER.matcher(lines.get(n - 1)).matches()) {
                n++;
            }
            return n - 1;
        }
        int depth = 0;
        for (int n = keyLine; n <= last; n++) {
            String text = lines.get(n - 1);
            for (int i = n == keyLine ? text.indexOf('=') + 1 : 0; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
            }
            if (depth <= 0) {
                return n;
            }
        }
        return last;
    }

    /** Returns the top-level key a line belongs to: its table's first name, else the key assigned at or above it. */
    String topKeyOf(int n) {
        String nearest = "";
        for (int i = n; i >= first; i--) {
            String text = lines.get(i - 1);
            Matcher h = HEADER.matcher(text);
            if (h.matches()) {
                return head(path(h.group(1)));
            }
            Matcher k = KEY.matcher(text);
            if (nearest.isEmpty() && k.find()) {
                nearest = head(path(k.group(1)));
            }
        }
        return nearest;
    }

    /** Returns a key or table name as dotted plain names: {@code "times" . started} is {@code times.started}. */
    private static String path(String written) {
        return written.replaceAll("\\s*\\.\\s*", ".").replace("\"", "").replace("'", "");
    }

    private static String head(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
