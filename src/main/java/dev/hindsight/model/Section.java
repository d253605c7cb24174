package dev.hindsight.model;

/**
 * One body section, found by its heading.
 *
 * @param kind    what the heading was recognized as
 * @param heading the heading as written
 * @param anchor  the id of the heading in the rendered body
 * @param text    the section's plain text (for search and checks)
 * @param line    the source line of the heading
 */
public record Section(SectionKind kind, String heading, String anchor, String text, int line) {
    public Section {
        Validate.notNull(kind, "kind");
        Validate.notNull(heading, "heading");
        Validate.notNull(anchor, "anchor");
        Validate.notNull(text, "text");
    }
}
