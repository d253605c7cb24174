package dev.hindsight.check;

import dev.hindsight.model.ImportMarks;
import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The migration checklist: each {@code # inferred:} or {@code # fill in:} comment that {@code hindsight import}
 * wrote above a front-matter key is one warning at that key, until a person confirms the value (or fills it in)
 * and deletes the comment.
 */
final class ImportReviewRule {
    private ImportReviewRule() {
    }

    /** Returns one warning per import comment in a document's front matter. */
    static List<Problem> check(Document doc) {
        SourceMap src = doc.source();
        List<String> lines = new ArrayList<>();
        int first = 0;
        for (int n = 1; n <= src.lineCount(); n++) {
            if (src.inFrontMatter(n)) {
                first = first == 0 ? n : first;
                lines.add(src.line(n));
            } else if (first > 0) {
                break;
            }
        }
        List<Problem> out = new ArrayList<>();
        for (ImportMarks.Mark m : ImportMarks.read(lines)) {
            out.add(doc.problem(CheckRule.IMPORT_REVIEW, Position.line(first + m.keyIndex()), m.inferred()
                    ? "`" + m.key() + "` was inferred by import from " + m.text() + ": confirm it, then delete the comment"
                    : "`" + m.key() + "` was left empty by import (" + m.text() + "): fill it in, then delete the comment"));
        }
        return out;
    }
}
