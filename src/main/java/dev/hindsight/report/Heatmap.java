package dev.hindsight.report;

import java.util.List;

/**
 * Draws the cause-by-period heatmap as inline SVG: one row per category, one column per period, the count written in
 * every cell (never colour alone) and a darker shade for more incidents.
 */
final class Heatmap {
    /** Label column: about 7.4 user units per character of a 13-unit label, between these bounds. */
    private static final double LABEL_MIN = 90;
    private static final int LABEL_CHARS = 20;
    private static final double CHAR_W = 7.4;
    private static final double CELL_H = 36;
    private static final double HEAD = 26;
    private static final double GAP = 2;
    /** Fallback fills for the five shades (the stylesheet overrides them, also for dark mode). */
    private static final String[] FILLS = {"#f6f8fa", "#dbe7f5", "#a9c6e8", "#5b8fc9", "#1f5a9e"};

    private Heatmap() {
    }

    /** Returns the SVG of the heatmap of a section's facts. */
    static String svg(String id, CausesOverTime.Facts f, String scope, String periodName) {
        List<String> periods = f.periods();
        double cellW = periods.size() > 8 ? 44 : 56;
        int longest = f.rows().stream().flatMap(r -> Svg.wrap(r.label(), LABEL_CHARS).stream()).mapToInt(String::length).max().orElse(0);
        double label = Math.max(LABEL_MIN, Math.ceil(longest * CHAR_W) + 12);
        double width = label + (periods.size() + 1) * (cellW + GAP) + 4;
        double height = HEAD + f.rows().size() * (CELL_H + GAP) + 4;
        int max = 1;
        String maxText = "";
        int best = 0;
        for (CausesOverTime.CauseRow r : f.rows()) {
            for (int i = 0; i < periods.size(); i++) {
                int n = r.perPeriod().get(i);
                max = Math.max(max, n);
                if (n > best) {
                    best = n;
                    maxText = " The highest count is " + n + ": " + r.label() + " in " + periods.get(i) + ".";
                }
            }
        }
        String desc = "Rows are cause categories, columns are the " + periodName + "s of " + scope
                + "; each cell gives the number of incidents, and the last column the total." + maxText
                + " The same numbers are in the table below.";
        Svg svg = new Svg(id, width, height, "Incidents by cause category and " + periodName + ", " + scope, desc, "chart heatmap");
        for (int i = 0; i <= periods.size(); i++) {
            double x = label + i * (cellW + GAP) + cellW / 2;
            svg.text(x, HEAD - 9, "middle", "chart-head", "#57606a", i < periods.size() ? periods.get(i) : "Total");
        }
        double y = HEAD;
        for (CausesOverTime.CauseRow r : f.rows()) {
            svg.lines(label - 8, y + CELL_H / 2, 14, "end", "chart-label", "#1f2328", Svg.wrap(r.label(), LABEL_CHARS), r.label());
            for (int i = 0; i <= periods.size(); i++) {
                boolean total = i == periods.size();
                int n = total ? r.total() : r.perPeriod().get(i);
                int level = total ? 0 : level(n, max);
                double x = label + i * (cellW + GAP);
                String tip = r.label() + ", " + (total ? "total" : periods.get(i)) + ": " + ReportFormat.plural(n, "incident", "incidents");
                svg.rect(x, y, cellW, CELL_H, total ? "hm-total" : "hm" + level, FILLS[level], tip);
                String textClass = level >= 3 ? "hm-text-on-dark" : n == 0 ? "hm-text hm-zero" : total ? "hm-text hm-sum" : "hm-text";
                svg.text(x + cellW / 2, y + CELL_H / 2 + 5, "middle", textClass, level >= 3 ? "#ffffff" : n == 0 ? "#6e7781" : "#1f2328",
                        String.valueOf(n));
            }
            y += CELL_H + GAP;
        }
        return svg.done();
    }

    /** Returns the shade 0..4 of a count: 0 for none, else a quarter step of the maximum. */
    static int level(int n, int max) {
        if (n <= 0) {
            return 0;
        }
        return Math.max(1, Math.min(4, (int) Math.ceil(4.0 * n / max)));
    }
}
