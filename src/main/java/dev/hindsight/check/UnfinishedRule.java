package dev.hindsight.check;

import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text left unfinished: TODO, TBD or FIXME outside code, in the body or the front matter (once, at the body, when
 * a front-matter value repeats words of the body). The prompts of the
 * {@code hindsight new} template start with "TODO:", so each unanswered prompt is one warning.
 */
final class UnfinishedRule {
    private static final Pattern MARK = Pattern.compile("(?<![\\p{L}\\p{N}_])(TODO|TBD|FIXME)(?![\\p{L}\\p{N}_])");
    private static final int CONTEXT = 70;

    private UnfinishedRule() {
    }

    /** Returns one warning per line that holds an unfinished mark. */
    static List<Problem> check(Document doc, Prose prose) {
        List<Problem> out = new ArrayList<>();
        Set<Integer> lines = new HashSet<>();
        String text = prose.text();
        if (!text.contains("TODO") && !text.contains("TBD") && !text.contains("FIXME")) {
            return out;
        }
        Matcher m = MARK.matcher(text);
        while (m.find()) {
            Prose.Line line = prose.lineAt(m.start());
            if (line.line() > 0 && !lines.add(line.line())) {
                continue;
            }
            if (statusMark(doc, line, text, m)) {
                continue;
            }
            int end = text.indexOf('\n', m.start());
            String rest = text.substring(m.start(), end < 0 ? text.length() : end).strip().replaceAll("[\"']+$", "");
            if (line.line() > 0 && doc.source().inFrontMatter(line.line())
                    && doc.postmortem().bodyText().contains(rest.replace("\\\"", "\""))) {
                continue;  // the same words in the body (an imported action item, say) are reported there
            }
            if (rest.length() > CONTEXT) {
                rest = rest.substring(0, CONTEXT - 3) + "...";
            }
            out.add(doc.problem(CheckRule.UNFINISHED_TEXT, prose.at(m.start()), "unfinished: \"" + rest
                    + "\"; replace it with the real text"));
        }
        return out;
    }

    /**
     * Returns true for a TODO that is an action item's status, not a gap: in the action items, a table cell or a bold
     * word of its own ("| Bug 5554823 **TODO** |", "Status: TODO").
     */
    private static boolean statusMark(Document doc, Prose.Line line, String text, Matcher m) {
        if (!m.group(1).equals("TODO") || line.line() <= 0 || !inActionItems(doc, line.line())) {
            return false;
        }
        String before = text.substring(text.lastIndexOf('\n', m.start() - 1) + 1, m.start()).stripTrailing();
        int end = text.indexOf('\n', m.end());
        String after = text.substring(m.end(), end < 0 ? text.length() : end).stripLeading();
        boolean opens = before.endsWith("|") || before.endsWith("*") || before.endsWith("_")
                || before.toLowerCase(java.util.Locale.ROOT).endsWith("status:");
        boolean closes = after.isEmpty() || after.startsWith("|") || after.startsWith("*") || after.startsWith("_")
                || after.startsWith(")") || after.startsWith(",");
        return opens && closes;
    }

    private static boolean inActionItems(Document doc, int line) {
        for (dev.hindsight.model.Section s : doc.postmortem().sections()) {
            if (s.kind() == dev.hindsight.model.SectionKind.ACTION_ITEMS && s.line() > 0 && line > s.line()
                    && line <= doc.source().sectionEnd(s.line())) {
                return true;
            }
        }
        return false;
    }
}
