package dev.hindsight.check;

import dev.hindsight.model.ImportMarks;
import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration checklist: each {@code # inferred:} or {@code # fill in:} comment that {@code hindsight import}
 * wrote above a front-matter key is one warning at that key, until a person confirms the value (or fills it in)
 * and deletes the comment.
 */
final class ImportReviewRule {
    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z_][\\w-]*)\\s*:");

    private ImportReviewRule() {
    }

    /** Returns one warning per import comment in a document's front matter. */
    static List<Problem> check(Document doc) {
        List<Problem> out = new ArrayList<>();
        SourceMap src = doc.source();
        String parent = "";
        for (int n = 1; n <= src.lineCount(); n++) {
            if (!src.inFrontMatter(n)) {
                if (n > 2) {
                    break;
                }
                continue;
            }
            String line = src.line(n);
            Matcher key = KEY.matcher(line);
            if (key.find() && key.group(1).isEmpty()) {
                parent = key.group(2);
            }
            String t = line.strip();
            boolean inferred = t.startsWith(ImportMarks.INFERRED.strip());
            boolean empty = t.startsWith(ImportMarks.FILL_IN.strip());
            if (!inferred && !empty || n + 1 > src.lineCount()) {
                continue;
            }
            Matcher next = KEY.matcher(src.line(n + 1));
            if (!next.find()) {
                continue;
            }
            String name = next.group(1).isEmpty() ? next.group(2) : parent + "." + next.group(2);
            String why = t.substring(t.indexOf(':') + 1).strip();
            out.add(doc.problem(CheckRule.IMPORT_REVIEW, Position.line(n + 1), inferred
                    ? "`" + name + "` was inferred by import from " + why + ": confirm it, then delete the comment"
                    : "`" + name + "` was left empty by import (" + why + "): fill it in, then delete the comment"));
        }
        return out;
    }
}
