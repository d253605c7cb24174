package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Validate;

/**
 * A postmortem together with the positions in its source text, which is what every per-incident rule reads.
 *
 * @param postmortem the loaded incident
 * @param source     positions in its raw text ({@link SourceMap#none()} when the text is unknown)
 */
public record Document(Postmortem postmortem, SourceMap source) {
    public Document {
        Validate.notNull(postmortem, "postmortem");
        Validate.notNull(source, "source");
    }

    /** Returns a document whose text is unknown, for rules that need only the record. */
    public static Document of(Postmortem postmortem) {
        return new Document(postmortem, SourceMap.none());
    }

    /** Returns the file path used in problems. */
    public String path() {
        return postmortem.source();
    }

    /** Creates a problem of a rule at a position of this document. */
    public Problem problem(CheckRule rule, Position pos, String message) {
        return rule.at(path(), pos, message);
    }
}
