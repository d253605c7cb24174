package dev.hindsight.model;

/**
 * The comments {@code hindsight import} writes above a front-matter key, and {@code check} turns into the
 * migration checklist: one problem per comment, until a person confirms the value and deletes the comment.
 */
public final class ImportMarks {
    /** Above a value import inferred: "# inferred: first timeline entry '09:02' (line 12)". */
    public static final String INFERRED = "# inferred: ";
    /** Above a key import left empty: "# fill in: which services were affected?". */
    public static final String FILL_IN = "# fill in: ";

    private ImportMarks() {
    }
}
