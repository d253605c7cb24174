package dev.hindsight.model;

/**
 * A heading of a rendered body, for the table of contents.
 *
 * @param level  2 to 6
 * @param text   the heading text
 * @param anchor its id in the rendered body
 */
public record Heading(int level, String text, String anchor) {
    public Heading {
        Validate.notNull(text, "text");
        Validate.notNull(anchor, "anchor");
    }
}
