package dev.hindsight.load;

import java.util.regex.Pattern;

/**
 * Tells whether the text of a file without an extension is Markdown.
 *
 * <p>It is, when it has front matter, or an ATX or setext heading, or at least two lines of list items,
 * table rows or block quotes. Plain prose without any Markdown structure is not taken: it is more likely a
 * note, a log or a licence than a postmortem.
 */
final class MarkdownSniffer {
    private static final Pattern ATX = Pattern.compile("^#{1,6}[ \\t]+\\S.*$", Pattern.MULTILINE);
    private static final Pattern SETEXT = Pattern.compile("^\\S.*\\n(=+|-{3,})[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern STRUCTURE = Pattern.compile("^\\s{0,3}([-*+] |\\d{1,3}[.)] |\\||> ).*$", Pattern.MULTILINE);

    private MarkdownSniffer() {
    }

    /** Returns true when the text looks like Markdown. */
    static boolean looksLikeMarkdown(String text) {
        String head = text.length() > 65_536 ? text.substring(0, 65_536) : text;
        if (head.startsWith("---\n") || ATX.matcher(head).find() || SETEXT.matcher(head).find()) {
            return true;
        }
        var m = STRUCTURE.matcher(head);
        int lines = 0;
        while (m.find()) {
            if (++lines >= 2) {
                return true;
            }
        }
        return false;
    }
}
