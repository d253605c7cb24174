package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.util.List;

/**
 * Draws a small bar chart as inline SVG: one bar per label, the value written above each bar when there is room,
 * and every value in the bar's tooltip. Used for the duration histograms and open action items per month.
 */
final class BarChart {
    private static final double HEIGHT = 170;
    private static final double TOP = 18;
    private static final double BOTTOM = 24;
    private static final double LEFT = 8;

    private BarChart() {
    }

    /**
     * Returns the SVG of a bar chart.
     *
     * @param id     unique in the page
     * @param title  the accessible name
     * @param desc   the content in words
     * @param labels one label per bar
     * @param values one value per bar, not negative
     * @param unit   what a value counts, as "incident/incidents"
     */
    static String svg(String id, String title, String desc, List<String> labels, List<Integer> values, String unit) {
        Validate.isTrue(labels.size() == values.size(), "one value per label");
        Validate.isTrue(!labels.isEmpty(), "a bar chart needs bars");
        String[] units = unit.split("/", 2);
        int n = labels.size();
        int longest = labels.stream().mapToInt(String::length).max().orElse(1);
        // Up to a dozen bars each label is written in full, with room between neighbours.
        double slot = n > 36 ? 12 : n > 24 ? 16 : n > 12 ? 28 : Math.max(46, Math.ceil(longest * 7.2 + 8));
        double labelWidth = longest * 5.8 + 6;
        double left = Math.max(LEFT, labelWidth / 2 - slot / 2 + 2);
        double width = Math.max(240, left * 2 + n * slot);
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        double plot = HEIGHT - TOP - BOTTOM;
        int every = (int) Math.max(1, Math.ceil(labelWidth / slot));
        Svg svg = new Svg(id, width, HEIGHT, title, desc);
        double base = TOP + plot;
        for (int i = 0; i < n; i++) {
            int v = values.get(i);
            Validate.isTrue(v >= 0, "bar values must not be negative");
            double h = v == 0 ? 0 : Math.max(1.5, plot * v / max);
            double x = left + i * slot;
            String tip = labels.get(i) + ": " + ReportFormat.plural(v, units[0], units.length > 1 ? units[1] : units[0]);
            svg.rect(x + 2, base - h, slot - 4, Math.max(h, 0.5), v == 0 ? "bar bar-zero" : "bar", v == 0 ? "#d0d7de" : "#6e8fb3", tip);
            if (slot >= 26) {
                svg.text(x + slot / 2, base - h - 4, "middle", "chart-value", "#1f2328", String.valueOf(v));
            }
            if (i % every == 0) {
                svg.text(x + slot / 2, base + 15, "middle", "chart-label", "#57606a", labels.get(i));
            }
        }
        svg.line(left, base + 0.5, left + n * slot, base + 0.5, "axis");
        return svg.done();
    }

    /** Describes a series in words: its total, its largest bar and where it starts and ends. */
    static String describe(List<String> labels, List<Integer> values, String unit) {
        String[] units = unit.split("/", 2);
        String many = units.length > 1 ? units[1] : units[0];
        int maxAt = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) > values.get(maxAt)) {
                maxAt = i;
            }
        }
        return "From " + labels.get(0) + " (" + values.get(0) + ") to " + labels.get(labels.size() - 1) + " ("
                + values.get(values.size() - 1) + "); the most " + many + ", " + values.get(maxAt) + ", at "
                + labels.get(maxAt) + ".";
    }
}
