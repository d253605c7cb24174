package dev.hindsight.check;

import dev.hindsight.model.Validate;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Positions in the raw text of a content file: its front matter keys and values, headings and fenced code.
 * Checks use it to give a problem a line and column; without the text every position is {@link Position#FILE}.
 * Reads YAML front matter between {@code ---} lines, TOML front matter between {@code +++} lines (its keys found by
 * {@link TomlKeys}) and JBake headers ended by {@code ~~~~~~}.
 */
public final class SourceMap {
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]|$)");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern JBAKE_END = Pattern.compile("^~{3,}\\s*$");
    private static final String TOML_FENCE = "+++";
    private static final SourceMap NONE = new SourceMap(List.of());

    private final List<String> lines;
    private final int fmStart;
    private final int fmEnd;
    private final boolean[] code;
    /** The keys of TOML front matter, when the front matter is TOML. */
    private final Optional<TomlKeys> toml;

    private SourceMap(List<String> lines) {
        this.lines = lines;
        int[] fm = frontMatter(lines);
        this.fmStart = fm[0];
        this.fmEnd = fm[1];
        this.code = fences(lines, fmEnd);
        this.toml = fmStart > 0 && lines.get(0).stripTrailing().equals(TOML_FENCE)
                ? Optional.of(new TomlKeys(lines, fmStart, fmEnd)) : Optional.empty();
    }

    /** Maps a file's text (LF line ends). */
    public static SourceMap of(String text) {
        Validate.notNull(text, "text");
        return new SourceMap(List.of(text.split("\n", -1)));
    }

    /** Returns the map of an unknown text: every position is the whole file. */
    public static SourceMap none() {
        return NONE;
    }

    /** Returns true when the text is known. */
    public boolean known() {
        return !lines.isEmpty();
    }

    /** Returns the number of lines. */
    public int lineCount() {
        return lines.size();
    }

    /** Returns a 1-based line, or "" outside the text. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }

    /** Returns the first line after the front matter (1 when there is none). */
    public int bodyStart() {
        return fmEnd == 0 ? 1 : fmEnd + 2;
    }

    /** Returns true when a line is front matter content (not its delimiters). */
    public boolean inFrontMatter(int n) {
        return fmStart > 0 && n >= fmStart && n <= fmEnd;
    }

    /** Returns true when a line belongs to a fenced code block, fences included. */
    public boolean inCode(int n) {
        return n >= 1 && n <= code.length && code[n - 1];
    }

    /** Returns the position of a top-level front matter key, such as {@code severity:}. */
    public Position key(String key) {
        int line = keyLine(key);
        return line == 0 ? Position.FILE : new Position(line, 1);
    }

    /** Returns the position of a key nested under a top-level key, such as {@code times: / started:}. */
    public Position key(String parent, String child) {
        if (toml.isPresent()) {
            return fmStart == 0 ? Position.FILE : toml.get().nested(parent, child);
        }
        int start = keyLine(parent);
        if (start == 0) {
            return Position.FILE;
        }
        Pattern p = Pattern.compile("(?<![\\w-])" + Pattern.quote(child) + "\\s*:");
        for (int n = start; n <= blockEnd(start); n++) {
            String text = line(n);
            Matcher m = p.matcher(text);
            if (m.find(n == start ? text.length() - afterKey(text).length() : 0)) {
                return new Position(n, m.start() + 1);
            }
        }
        return new Position(start, 1);
    }

    /** Returns the position of a value inside a top-level key's block, as a whole token; else the key's position. */
    public Position value(String key, String value) {
        int start = keyLine(key);
        if (start == 0) {
            return Position.FILE;
        }
        for (int n = start; n <= blockEnd(start); n++) {
            String text = line(n);
            int from = n == start ? text.length() - afterKey(text).length() : 0;
            int at = token(text, value, from);
            if (at >= 0) {
                return new Position(n, at + 1);
            }
        }
        return new Position(start, 1);
    }

    /** Returns the first place of a text at or after a line, or the whole file when it is not found. */
    public Position find(String needle, int fromLine) {
        if (needle.isEmpty()) {
            return Position.FILE;
        }
        for (int n = Math.max(1, fromLine); n <= lines.size(); n++) {
            int at = lines.get(n - 1).indexOf(needle);
            if (at >= 0) {
                return new Position(n, at + 1);
            }
        }
        return Position.FILE;
    }

    /** Returns the ATX heading level of a line (1 to 6), or 0 when it is no heading or is inside code. */
    public int headingLevel(int n) {
        if (inCode(n) || inFrontMatter(n)) {
            return 0;
        }
        Matcher m = ATX.matcher(line(n));
        return m.find() ? m.group(1).length() : 0;
    }

    /** Returns the last line of the section whose heading is on a line: before the next heading of the same or a higher level. */
    public int sectionEnd(int headingLine) {
        int level = headingLevel(headingLine);
        int limit = level == 0 ? 2 : level;
        for (int n = headingLine + 1; n <= lines.size(); n++) {
            int l = headingLevel(n);
            if (l > 0 && l <= limit) {
                return n - 1;
            }
        }
        return lines.size();
    }

    /** Returns the line of a top-level front matter key, or 0. */
    int keyLine(String key) {
        if (fmStart == 0) {
            return 0;
        }
        if (toml.isPresent()) {
            return toml.get().keyLine(key);
        }
        Pattern p = Pattern.compile("^" + Pattern.quote(key) + "\\s*[:=]");
        for (int n = fmStart; n <= fmEnd; n++) {
            if (p.matcher(line(n)).find()) {
                return n;
            }
        }
        return 0;
    }

    /** Returns the last line of a top-level key's block: its indented or list lines. */
    int blockEnd(int keyLine) {
        if (toml.isPresent()) {
            return toml.get().blockEnd(keyLine);
        }
        int n = keyLine + 1;
        while (n <= fmEnd) {
            String text = line(n);
            if (!text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && text.charAt(0) != '-'
                    && text.charAt(0) != '#') {
                break;
            }
            n++;
        }
        return n - 1;
    }

    /** Returns the key a front matter line belongs to (the nearest top-level key at or above it), or "". */
    String topKeyOf(int n) {
        if (!inFrontMatter(n)) {
            return "";
        }
        if (toml.isPresent()) {
            return toml.get().topKeyOf(n);
        }
        for (int i = n; i >= fmStart; i--) {
            String text = line(i);
            if (!text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && text.charAt(0) != '-' && text.charAt(0) != '#') {
                int cut = firstOf(text);
                return cut < 0 ? "" : text.substring(0, cut).strip();
            }
        }
        return "";
    }

    private static String afterKey(String text) {
        int cut = firstOf(text);
        return cut < 0 ? text : text.substring(cut + 1);
    }

    /**
     * Returns where a front matter line's key ends: its first ':' (YAML) or '=' (TOML, JBake), whichever comes
     * first, or -1.
     */
    static int firstOf(String text) {
        int colon = text.indexOf(':');
        int eq = text.indexOf('=');
        if (colon < 0) {
            return eq;
        }
        return eq < 0 ? colon : Math.min(colon, eq);
    }

    /** Returns the index of a whole token (not part of a longer id) in a line at or after an index, or -1. */
    static int token(String text, String value, int from) {
        if (value.isEmpty()) {
            return -1;
        }
        int at = text.indexOf(value, from);
        while (at >= 0) {
            boolean before = at == 0 || !idChar(text.charAt(at - 1));
            int end = at + value.length();
            boolean after = end >= text.length() || !idChar(text.charAt(end));
            if (before && after) {
                return at;
            }
            at = text.indexOf(value, at + 1);
        }
        return -1;
    }

    private static boolean idChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static int[] frontMatter(List<String> lines) {
        if (lines.isEmpty()) {
            return new int[] {0, 0};
        }
        if (lines.get(0).stripTrailing().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                String s = lines.get(i).stripTrailing();
                if (s.equals("---") || s.equals("...")) {
                    return i == 1 ? new int[] {0, 1} : new int[] {2, i};
                }
            }
            return new int[] {0, 0};
        }
        if (lines.get(0).stripTrailing().equals(TOML_FENCE)) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).stripTrailing().equals(TOML_FENCE)) {
                    return i == 1 ? new int[] {0, 1} : new int[] {2, i};
                }
            }
            return new int[] {0, 0};
        }
        for (int i = 0; i < lines.size() && i < 200; i++) {
            if (JBAKE_END.matcher(lines.get(i)).matches()) {
                return i == 0 ? new int[] {0, 0} : new int[] {1, i};
            }
            String s = lines.get(i);
            if (!s.isBlank() && !s.matches("[A-Za-z_][\\w.-]*\\s*=.*")) {
                break;
            }
        }
        return new int[] {0, 0};
    }

    private static boolean[] fences(List<String> lines, int fmEnd) {
        boolean[] code = new boolean[lines.size()];
        String open = null;
        for (int i = fmEnd == 0 ? 0 : fmEnd + 1; i < lines.size(); i++) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (open == null) {
                if (m.find()) {
                    open = m.group(1);
                    code[i] = true;
                }
            } else {
                code[i] = true;
                if (m.find() && m.group(1).charAt(0) == open.charAt(0) && m.group(1).length() >= open.length()
                        && lines.get(i).strip().length() == m.group(1).length()) {
                    open = null;
                }
            }
        }
        return code;
    }
}
