package dev.hindsight.report;

import dev.hindsight.model.Validate;

/**
 * An inline SVG chart made at build time; its data is always in a table of the same section too.
 *
 * @param id      unique in the page
 * @param title   the caption
 * @param svg     the SVG markup, with its own accessible title and description
 */
public record Chart(String id, String title, String svg) {
    public Chart {
        Validate.notBlank(id, "id");
        Validate.notBlank(title, "title");
        Validate.notBlank(svg, "svg");
    }
}
