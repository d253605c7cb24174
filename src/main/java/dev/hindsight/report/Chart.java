package dev.hindsight.report;

import dev.hindsight.model.Validate;

/**
 * An inline SVG chart made at build time; its data is always in a table of the same section too.
 *
 * @param id      unique in the page
 * @param title   the caption
 * @param svg     the SVG markup, with its own accessible title and description
 * @param beside  the id of a table of the same section that pages show beside the chart, or ""
 */
public record Chart(String id, String title, String svg, String beside) {
    public Chart {
        Validate.notBlank(id, "id");
        Validate.notBlank(title, "title");
        Validate.notBlank(svg, "svg");
        Validate.notNull(beside, "beside");
    }

    /** Creates a chart with nothing beside it. */
    public Chart(String id, String title, String svg) {
        this(id, title, svg, "");
    }
}
