package dev.hindsight.check;

import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnote references without a note: {@code text[^2]} where the file has no {@code [^2]: the note}. The Markdown
 * engine links a reference only to a note the file has, so such a reference is shown as it is written, brackets and
 * all. A reference inside code is code, not a reference. Outside code, {@code [^a-z]} may be a regular expression in
 * the prose, so a label is taken for a footnote's when it is a number ({@code [^2]}), or a word ({@code [^lag]})
 * in a file that has notes.
 */
final class FootnoteRule {
    private static final Pattern CODE = Pattern.compile("(?is)<pre\\b.*?</pre>|<code\\b.*?</code>");
    private static final Pattern REFERENCE = Pattern.compile("\\[\\^([^\\]\\s<>]{1,60})\\]");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private FootnoteRule() {
    }

    /**
     * Returns one warning per footnote label referenced without a note, at its first reference.
     *
     * @param path     the content file, for problems
     * @param bodyHtml the body as the loader rendered it
     * @param source   positions in the file's text
     */
    static List<Problem> check(String path, String bodyHtml, SourceMap source) {
        List<Problem> out = new ArrayList<>();
        if (!bodyHtml.contains("[^")) {
            return out;
        }
        boolean hasNotes = bodyHtml.contains("footnote-ref");
        Set<String> labels = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(CODE.matcher(bodyHtml).replaceAll(" "));
        while (m.find()) {
            String label = m.group(1);
            if (NUMBER.matcher(label).matches() || hasNotes && WORD.matcher(label).matches()) {
                labels.add(label);
            }
        }
        for (String label : labels) {
            String ref = "[^" + label + "]";
            out.add(CheckRule.FOOTNOTE_WITHOUT_NOTE.at(path, source.find(ref, source.bodyStart()), "footnote `" + ref
                    + "` has no note, so it shows as written: add `" + ref + ": the note` on a line of its own"));
        }
        return out;
    }
}
