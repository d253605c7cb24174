package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.List;

/**
 * An inline SVG chart made at build time, or, when it would be drawn from too few values, the same figures in a
 * sentence; its data is always in a table of the same section too.
 *
 * @param id       unique in the page
 * @param title    the caption
 * @param svg      the SVG markup, with its own accessible title and description; "" when the figures are stated
 * @param beside   the id of a table of the same section that pages show beside the chart, or ""
 * @param sentence the figures in words instead of a chart, or "" for a drawn chart
 */
public record Chart(String id, String title, String svg, String beside, String sentence) {
    /**
     * The fewest values a chart is drawn from: the measurements a histogram bins, the points of a series, the
     * incidents a heatmap counts. Below it the shape is noise, so the section states the figures in a sentence.
     */
    public static final int MIN_VALUES = 20;

    public Chart {
        Validate.notBlank(id, "id");
        Validate.notBlank(title, "title");
        Validate.notNull(svg, "svg");
        Validate.notNull(beside, "beside");
        Validate.notNull(sentence, "sentence");
        Validate.isTrue(svg.isBlank() != sentence.isBlank(), "a chart has either an SVG or a sentence");
    }

    /** Creates a chart with a table beside it. */
    public Chart(String id, String title, String svg, String beside) {
        this(id, title, svg, beside, "");
    }

    /** Creates a chart with nothing beside it. */
    public Chart(String id, String title, String svg) {
        this(id, title, svg, "", "");
    }

    /** Returns the figures of a chart that is not drawn, stated in a sentence. */
    public static Chart stated(String id, String title, String sentence) {
        return new Chart(id, title, "", "", sentence);
    }

    /** Returns true when a chart of this many values is drawn, false when its figures are stated instead. */
    public static boolean drawn(int values) {
        return values >= MIN_VALUES;
    }

    /** Returns "label value" pairs joined for a sentence, leaving out zeros when asked ("<15m 2, 1–2h 1"). */
    static String pairs(List<String> labels, List<Integer> values, boolean skipZeros) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!skipZeros || values.get(i) != 0) {
                out.add(labels.get(i) + ": " + values.get(i));
            }
        }
        return String.join(", ", out);
    }
}
