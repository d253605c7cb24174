package dev.hindsight.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comments {@code hindsight import} writes above a front-matter key, and {@code check} turns into the
 * migration checklist: one problem per comment, until a person confirms the value and deletes the comment. Import
 * reads them back too, so that an imported file keeps its checklist when it is imported again.
 */
public final class ImportMarks {
    /** Above a value import inferred: "# inferred: first timeline entry '09:02' (line 12)". */
    public static final String INFERRED = "# inferred: ";
    /** Above a key import left empty: "# fill in: which services were affected?". */
    public static final String FILL_IN = "# fill in: ";
    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z_][\\w-]*)\\s*:");

    /**
     * One comment and the key below it.
     *
     * @param keyIndex the index of the key's line in the lines read
     * @param key      the key, "parent.child" for a key inside a map ("times.started")
     * @param inferred true for {@code # inferred:}, false for {@code # fill in:}
     * @param text     the comment's text after the colon
     */
    public record Mark(int keyIndex, String key, boolean inferred, String text) {
    }

    private ImportMarks() {
    }

    /** Returns the marks of a front matter's YAML lines, in order. */
    public static List<Mark> read(List<String> lines) {
        List<Mark> out = new ArrayList<>();
        String parent = "";
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (key.find() && key.group(1).isEmpty()) {
                parent = key.group(2);
            }
            String t = lines.get(i).strip();
            boolean inferred = t.startsWith(INFERRED.strip());
            if (!inferred && !t.startsWith(FILL_IN.strip()) || i + 1 >= lines.size()) {
                continue;
            }
            Matcher next = KEY.matcher(lines.get(i + 1));
            if (next.find()) {
                String name = next.group(1).isEmpty() ? next.group(2) : parent + "." + next.group(2);
                out.add(new Mark(i + 1, name, inferred, t.substring(t.indexOf(':') + 1).strip()));
            }
        }
        return out;
    }
}
