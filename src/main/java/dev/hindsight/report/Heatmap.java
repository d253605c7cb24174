package dev.hindsight.report;

import java.util.List;

/**
 * Draws the cause-by-period heatmap as inline SVG: one row per category, one column per period, the count written in
 * every cell (never colour alone) and a darker shade for more incidents.
 */
final class Heatmap {
    private static final double LABEL = 200;
    private static final double CELL_H = 30;
    private static final double HEAD = 26;
    private static final double GAP = 2;
    /** Fallback fills for the five shades (the stylesheet overrides them, also for dark mode). */
    private static final String[] FILLS = {"#f6f8fa", "#dbe7f5", "#a9c6e8", "#5b8fc9", "#1f5a9e"};

    private Heatmap() {
    }

    /** Returns the SVG of the heatmap of a section's facts. */
    static String svg(String id, CausesOverTime.Facts f, String scope, String periodName) {
        List<String> periods = f.periods();
        double cellW = periods.size() > 8 ? 46 : 60;
        double width = LABEL + (periods.size() + 1) * (cellW + GAP) + 8;
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
        Svg svg = new Svg(id, width, height, "Incidents by cause category and " + periodName + ", " + scope, desc);
        for (int i = 0; i <= periods.size(); i++) {
            double x = LABEL + i * (cellW + GAP) + cellW / 2;
            svg.text(x, HEAD - 9, "middle", "chart-head", "#57606a", i < periods.size() ? periods.get(i) : "Total");
        }
        double y = HEAD;
        for (CausesOverTime.CauseRow r : f.rows()) {
            svg.text(LABEL - 8, y + CELL_H / 2 + 4, "end", "chart-label", "#1f2328", Svg.shorten(r.label(), 28), r.label());
            for (int i = 0; i <= periods.size(); i++) {
                boolean total = i == periods.size();
                int n = total ? r.total() : r.perPeriod().get(i);
                int level = total ? 0 : level(n, max);
                double x = LABEL + i * (cellW + GAP);
                String tip = r.label() + ", " + (total ? "total" : periods.get(i)) + ": " + ReportFormat.plural(n, "incident", "incidents");
                svg.rect(x, y, cellW, CELL_H, total ? "hm-total" : "hm" + level, FILLS[level], tip);
                svg.text(x + cellW / 2, y + CELL_H / 2 + 4, "middle", level >= 3 ? "hm-text-on-dark" : "hm-text",
                        level >= 3 ? "#ffffff" : "#1f2328", String.valueOf(n));
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
