package dev.hindsight.report;

import dev.hindsight.model.Postmortem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Section 6, detection: how incidents were found (alert, customer, internal, ...) and the share found by
 * customers in each quarter (each year for all years). Shares are of the incidents whose detection is known.
 */
final class Detection {
    /** The method of incidents that do not say how they were found. */
    static final String UNKNOWN = "unknown";
    private static final List<String> FIRST = List.of("alert", "customer", "internal");

    private Detection() {
    }

    /**
     * The numbers of the section.
     *
     * @param methods  incidents per method: alert, customer, internal, then others by name, then unknown
     * @param byPeriod per period: incidents, known and customer-detected
     */
    record Facts(List<MethodCount> methods, List<PeriodCount> byPeriod) {
        Facts {
            methods = List.copyOf(methods);
            byPeriod = List.copyOf(byPeriod);
        }

        /** Returns the incidents with a known method. */
        int known() {
            return methods.stream().filter(m -> !m.method().equals(UNKNOWN)).mapToInt(MethodCount::count).sum();
        }

        /** Returns the incidents found by customers. */
        int customer() {
            return methods.stream().filter(m -> m.method().equals("customer")).mapToInt(MethodCount::count).sum();
        }
    }

    /**
     * Incidents found one way.
     *
     * @param method the method
     * @param count  incidents
     */
    record MethodCount(String method, int count) {
    }

    /**
     * Detection in one period.
     *
     * @param period    "Q1" or a year
     * @param incidents incidents
     * @param known     incidents with a known method
     * @param customer  incidents found by customers
     */
    record PeriodCount(String period, int incidents, int known, int customer) {
    }

    /** Normalizes a detection value: lower case, with common synonyms of alert and customer folded in. */
    static String method(Postmortem p) {
        String v = p.detection().map(s -> s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-')).orElse("");
        return switch (v) {
            case "" -> UNKNOWN;
            case "alerting", "alarm", "monitoring", "automated", "automation", "pager", "page", "synthetic" -> "alert";
            case "customers", "customer-report", "customer-reported", "support", "user", "users", "user-report" -> "customer";
            case "employee", "staff", "internal-report", "manual" -> "internal";
            default -> v;
        };
    }

    /** Counts the section's numbers. */
    static Facts facts(ReportInput in) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String m : FIRST) {
            counts.put(m, 0);
        }
        List<String> periods = in.scope.periods(in.inScope);
        int[][] per = new int[periods.size()][3];
        for (Postmortem p : in.inScope) {
            String m = method(p);
            counts.merge(m, 1, Integer::sum);
            if (p.date().isEmpty()) {
                continue;  // counted by method above; no period to count it in
            }
            int[] c = per[periods.indexOf(in.scope.period(p.date().get()))];
            c[0]++;
            c[1] += m.equals(UNKNOWN) ? 0 : 1;
            c[2] += m.equals("customer") ? 1 : 0;
        }
        List<MethodCount> methods = new ArrayList<>();
        FIRST.forEach(m -> methods.add(new MethodCount(m, counts.remove(m))));
        Integer unknown = counts.remove(UNKNOWN);
        counts.forEach((m, n) -> methods.add(new MethodCount(m, n)));
        if (unknown != null) {
            methods.add(new MethodCount(UNKNOWN, unknown));
        }
        List<PeriodCount> byPeriod = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            byPeriod.add(new PeriodCount(periods.get(i), per[i][0], per[i][1], per[i][2]));
        }
        return new Facts(methods, byPeriod);
    }

    /** Presents the numbers as the report section. */
    static Section section(ReportInput in, Facts f) {
        String scope = in.scope.title();
        List<List<Cell>> rows = new ArrayList<>();
        for (MethodCount m : f.methods()) {
            rows.add(List.of(Cell.of(m.method()), Cell.integer(m.count()),
                    m.method().equals(UNKNOWN) ? Cell.empty("\u2014") : Cell.share(m.count(), f.known())));
        }
        Table methods = new Table("detection", "How incidents were found", "Incidents per detection method; shares are of the incidents whose method is known.",
                List.of(Column.text("method", "Found by"), Column.number("incidents", "Incidents"), Column.number("share", "Share")),
                rows, "No incidents.");
        List<List<Cell>> prow = new ArrayList<>();
        for (PeriodCount p : f.byPeriod()) {
            prow.add(List.of(Cell.of(p.period()), Cell.integer(p.incidents()), Cell.integer(p.known()), Cell.integer(p.customer()),
                    Cell.share(p.customer(), p.known())));
        }
        String period = in.scope.periodName();
        Table byPeriod = new Table("detection-by-" + period, "Found by customers, per " + period, "The customer-detected share of each "
                + period + ", of the incidents whose method is known.",
                List.of(Column.text(period, period.substring(0, 1).toUpperCase(Locale.ROOT) + period.substring(1)),
                        Column.number("incidents", "Incidents"), Column.number("known", "Method known"),
                        Column.number("customer", "Found by customers"), Column.number("customerShare", "Customer share")),
                prow, "No incidents.");
        List<Figure> figures = List.of(
                new Figure("customerShare", "Found by customers", ReportFormat.percent(f.customer(), f.known()),
                        f.customer() + " of " + f.known() + " incidents with a known method"),
                new Figure("alerts", "Found by alerts", String.valueOf(f.methods().get(0).count()), ""),
                new Figure("unknownDetection", "Detection not recorded", String.valueOf(in.inScope.size() - f.known()), ""));
        String lead = f.known() == 0 ? "No incident of " + scope + " records how it was found."
                : "Customers found " + ReportFormat.countOf(f.customer(), f.known()) + " incidents of " + scope
                + " whose detection is recorded; alerts found " + f.methods().get(0).count() + ".";
        return new Section("detection", 6, "Detection", lead, figures, List.of(), List.of(methods, byPeriod),
                List.of(Note.of("A customer finding an incident before our monitoring did is a detection gap worth its own action item.")));
    }
}
