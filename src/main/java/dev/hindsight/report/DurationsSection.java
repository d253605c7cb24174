package dev.hindsight.report;

import dev.hindsight.analyze.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Section 7, durations, presented from {@link IncidentDurations}'s numbers, with the note on why durations make a
 * poor trend metric.
 */
final class DurationsSection {
    /** The VOID report, on incident duration data and MTTx. */
    static final Link VOID = new Link("The VOID Report", "https://www.thevoid.community/report");
    /** Google's report on MTTR and related metrics. */
    static final Link SRE_METRICS = new Link("Incident Metrics in SRE: Critically Evaluating MTTR and Friends (Google)",
            "https://sre.google/resources/practices-and-processes/incident-metrics-in-sre/");

    private DurationsSection() {
    }

    /** Presents the numbers as the report section. */
    static Section of(ReportInput in, IncidentDurations.Facts f) {
        IncidentDurations.Group all = f.bySeverity().get(f.bySeverity().size() - 1);
        List<Figure> figures = List.of(
                new Figure("ttdMedian", "Median time to detect", shown(all.ttdMedian()), "p90 " + shown(all.ttdP90()) + ", " + all.ttd().size() + " known"),
                new Figure("ttrMedian", "Median time to resolve", shown(all.ttrMedian()), "p90 " + shown(all.ttrP90()) + ", " + all.ttr().size() + " known"),
                new Figure("missingTimestamps", "Incidents missing a duration", String.valueOf(f.incomplete().size()),
                        "of " + f.timings().size() + "; counted, never guessed"));
        List<Chart> charts = new ArrayList<>();
        for (String metric : List.of("ttd", "ttr")) {
            for (IncidentDurations.Group g : f.bySeverity()) {
                List<Duration> values = metric.equals("ttd") ? g.ttd() : g.ttr();
                if (values.isEmpty() || (!g.all() && f.bySeverity().size() == 2)) {
                    continue;
                }
                if (!g.all() && !Chart.drawn(values.size())) {
                    // Too few for a chart of its own: the severity's buckets are in the histogram table.
                    continue;
                }
                String what = metric.equals("ttd") ? "Time to detect" : "Time to resolve";
                String id = "hist-" + metric + "-" + (g.all() ? "all" : g.id().isEmpty() ? "none" : g.id().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
                List<Integer> counts = DurationBuckets.counts(values);
                String title = what + ", " + g.label().toLowerCase(java.util.Locale.ROOT) + ": "
                        + ReportFormat.plural(values.size(), "incident", "incidents") + ", median "
                        + shown(metric.equals("ttd") ? g.ttdMedian() : g.ttrMedian()) + ", p90 "
                        + shown(metric.equals("ttd") ? g.ttdP90() : g.ttrP90());
                if (!Chart.drawn(values.size())) {
                    charts.add(Chart.stated(id, title, "Fewer than " + Chart.MIN_VALUES + " durations, too few for a chart: "
                            + Chart.pairs(DurationBuckets.LABELS, counts, true) + "."));
                    continue;
                }
                charts.add(new Chart(id, title, BarChart.svg(id, what + " of " + g.label().toLowerCase(java.util.Locale.ROOT) + " incidents, "
                        + in.scope.title(), what + ": median " + shown(metric.equals("ttd") ? g.ttdMedian() : g.ttrMedian()) + ", p90 "
                        + shown(metric.equals("ttd") ? g.ttdP90() : g.ttrP90()) + ". " + BarChart.describe(DurationBuckets.LABELS, counts,
                        "incident/incidents"), DurationBuckets.LABELS, counts, "incident/incidents")));
            }
        }
        String lead = f.timings().isEmpty() ? "No incidents." : "Half of the incidents with known timestamps were detected within "
                + shown(all.ttdMedian()) + " and resolved within " + shown(all.ttrMedian()) + "; "
                + (f.incomplete().isEmpty() ? "every incident had the timestamps for both."
                : ReportFormat.plural(f.incomplete().size(), "incident lacks", "incidents lack")
                + " the timestamps for one of them or both, and " + (f.incomplete().size() == 1 ? "is" : "are") + " listed below.");
        List<Note> notes = List.of(Note.of("Medians and p90 values only: a mean is pulled around by the few longest incidents. "
                        + "The p90 is the nearest-rank value, one of the real durations. Durations come from front-matter times, "
                        + "else from durations the text states (\"Time to detection: 8 minutes\"), else from timeline times; "
                        + "an incident without them is listed below, not estimated."),
                new Note("Why these are not a trend: incident durations are spread over orders of magnitude and dominated by a "
                        + "long tail, so a year's median moves a lot by chance, and a handful of incidents cannot show that we got "
                        + "faster or slower. The VOID Report found exactly this shape in thousands of public incident reports and "
                        + "argues that mean-time figures say little about reliability; Google's \"Incident Metrics in SRE\" shows "
                        + "by simulation that even large real improvements to MTTR are hard to tell apart from noise at realistic "
                        + "incident counts. Start and end times are also judgement calls. Read these numbers as a description of "
                        + "this period's incidents and look at the long ones individually, rather than as a score to improve.",
                        List.of(VOID, SRE_METRICS)));
        return new Section("durations", 7, "Durations", lead, figures, charts,
                List.of(statsTable(in, f), histogramTable(f), incidentTable(in, f), missingTable(in, f)), notes);
    }

    /** The severity a download gives for a group: its id, or "none" for incidents without a severity. */
    private static String exported(IncidentDurations.Group g) {
        return g.id().isEmpty() && !g.all() ? "none" : g.id();
    }

    private static String shown(Optional<Duration> d) {
        return d.map(ReportFormat::duration).orElse("n/a");
    }

    private static Cell cell(Optional<Duration> d) {
        return d.map(Cell::minutes).orElse(Cell.empty("n/a"));
    }

    private static Table statsTable(ReportInput in, IncidentDurations.Facts f) {
        List<Column> cols = List.of(Column.text("severity", "Severity"), Column.number("incidents", "Incidents"),
                Column.number("ttdKnown", "TTD known"), Column.number("ttdMedianMinutes", "TTD median"), Column.number("ttdP90Minutes", "TTD p90"),
                Column.number("ttrKnown", "TTR known"), Column.number("ttrMedianMinutes", "TTR median"), Column.number("ttrP90Minutes", "TTR p90"));
        List<List<Cell>> rows = new ArrayList<>();
        for (IncidentDurations.Group g : f.bySeverity()) {
            rows.add(List.of(Cell.link(g.all() ? g.label() : Cell.named(g.id(), g.label()), exported(g), ""),
                    Cell.integer(g.incidents()), Cell.integer(g.ttd().size()), cell(g.ttdMedian()), cell(g.ttdP90()),
                    Cell.integer(g.ttr().size()), cell(g.ttrMedian()), cell(g.ttrP90())));
        }
        return new Table("durations-by-severity", "Time to detect (TTD) and time to resolve (TTR) by severity",
                "Medians and nearest-rank p90 of the known durations; durations in the JSON and CSV are minutes.", cols, rows, "No incidents.");
    }

    private static Table histogramTable(IncidentDurations.Facts f) {
        List<Column> cols = new ArrayList<>(List.of(Column.text("metric", "Duration"), Column.text("severity", "Severity")));
        for (int i = 0; i < DurationBuckets.LABELS.size(); i++) {
            cols.add(Column.number(DurationBuckets.KEYS.get(i), DurationBuckets.LABELS.get(i)));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String metric : List.of("TTD", "TTR")) {
            for (IncidentDurations.Group g : f.bySeverity()) {
                List<Cell> r = new ArrayList<>(List.of(Cell.of(metric), Cell.link(g.label(), exported(g), "")));
                DurationBuckets.counts(metric.equals("TTD") ? g.ttd() : g.ttr()).forEach(n -> r.add(Cell.integer(n)));
                rows.add(r);
            }
        }
        return new Table("duration-histogram", "Histogram of durations", "Incidents per duration bucket; the data of the charts above.",
                cols, rows, "No incidents.").fold();
    }

    private static Table incidentTable(ReportInput in, IncidentDurations.Facts f) {
        List<Column> cols = List.of(Column.text("incident", "Incident"), Column.text("severity", "Severity"),
                Column.number("ttdMinutes", "TTD"), Column.text("ttdSource", "TTD from"),
                Column.number("ttrMinutes", "TTR"), Column.text("ttrSource", "TTR from"));
        List<List<Cell>> rows = new ArrayList<>();
        java.util.Comparator<Timing> longestFirst = java.util.Comparator
                .comparing((Timing t) -> t.ttr().orElse(Duration.ofSeconds(-1)), java.util.Comparator.reverseOrder())
                .thenComparing((Timing t) -> t.ttd().orElse(Duration.ofSeconds(-1)), java.util.Comparator.reverseOrder())
                .thenComparing(Timing::slug);
        for (Timing t : f.timings().stream().sorted(longestFirst).toList()) {
            rows.add(List.of(in.links.incident(t.slug()), t.severity().isEmpty() ? Cell.empty("\u2014") : Cell.of(t.severity()),
                    cell(t.ttd()), source(t.ttdSource()), cell(t.ttr()), source(t.ttrSource())));
        }
        return new Table("incident-durations", "Durations of each incident", "The longest first, with where each duration came from.",
                cols, rows, "No incidents.");
    }

    private static Cell source(String s) {
        return s.isEmpty() ? Cell.empty("\u2014") : Cell.of(s);
    }

    private static Table missingTable(ReportInput in, IncidentDurations.Facts f) {
        List<Column> cols = List.of(Column.text("incident", "Incident"), Column.text("missingTimestamps", "Missing timestamps"),
                Column.text("unknown", "Unknown durations"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Timing t : f.incomplete()) {
            List<Cell> unknown = new ArrayList<>();
            if (t.ttd().isEmpty()) {
                unknown.add(Cell.of("TTD"));
            }
            if (t.ttr().isEmpty()) {
                unknown.add(Cell.of("TTR"));
            }
            rows.add(List.of(in.links.incident(t.slug()), Cell.list(t.missing().stream().map(Cell::of).toList()), Cell.list(unknown)));
        }
        return new Table("missing-timestamps", "Incidents with missing timestamps", "Left out of the numbers above, not estimated.",
                cols, rows, "Every incident has the timestamps for both durations.");
    }
}
