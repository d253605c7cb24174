package dev.hindsight.report;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a report covers: one calendar year (compared with the year before), or all years.
 * A year's report looks back at earlier years for recurrences, but never ahead at later ones, so it does not change
 * when next year's incidents are written up (apart from action items closed since).
 *
 * @param year the year, or empty for all years
 */
public record ReportScope(Optional<Integer> year) {
    public ReportScope {
        Validate.notNull(year, "year");
    }

    /** Returns the scope of one year. */
    public static ReportScope of(int year) {
        Validate.isTrue(year >= 1 && year <= 9999, "year out of range: " + year);
        return new ReportScope(Optional.of(year));
    }

    /** Returns the scope of all years. */
    public static ReportScope all() {
        return new ReportScope(Optional.empty());
    }

    /** Parses "2025" or "all"; empty for anything else, year 0000 included. */
    public static Optional<ReportScope> parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            return Optional.of(all());
        }
        if (t.matches("\\d{4}") && !t.equals("0000")) {
            return Optional.of(of(Integer.parseInt(t)));
        }
        return Optional.empty();
    }

    /** Returns the id used in paths: "2025" or "all". */
    public String id() {
        return year.map(String::valueOf).orElse("all");
    }

    /** Returns the title: "2025" or "all years". */
    public String title() {
        return year.map(String::valueOf).orElse("all years");
    }

    /** Returns the site folder of the report page, such as "reports/2025/". */
    public String path() {
        return "reports/" + id() + "/";
    }

    /** Returns the year before, for a year's report. */
    public Optional<Integer> previousYear() {
        return year.map(y -> y - 1);
    }

    /** Returns true when the incident belongs to the scope: one in the year, or any (dated or not) for all years. */
    public boolean contains(Postmortem p) {
        return year.isEmpty() || yearOf(p) == year.get();
    }

    /** Returns true when the incident is in the previous year. */
    public boolean inPreviousYear(Postmortem p) {
        return year.isPresent() && yearOf(p) == year.get() - 1;
    }

    /** Returns true when the incident is not after the scope's end (every incident, for all years; undated ones too). */
    public boolean notAfter(Postmortem p) {
        return year.isEmpty() || yearOf(p) <= year.get();
    }

    /**
     * Returns an incident's year, or one after every scope's when its date is unknown. The three tests above run for
     * every incident of every scope, some of them once per chain member: this reads the date without boxing a year.
     */
    private static int yearOf(Postmortem p) {
        return p.date().isPresent() ? p.date().get().getYear() : Integer.MAX_VALUE;
    }

    /** Returns the period a day falls in: its quarter ("Q2") in a year's report, its year ("2024") for all years. */
    public String period(LocalDate day) {
        return year.isPresent() ? "Q" + ((day.getMonthValue() - 1) / 3 + 1) : String.valueOf(day.getYear());
    }

    /** Returns the periods in order: Q1 to Q4, or every year from the first to the last incident given. */
    public List<String> periods(Collection<Postmortem> incidents) {
        if (year.isPresent()) {
            return List.of("Q1", "Q2", "Q3", "Q4");
        }
        int min = incidents.stream().flatMap(p -> p.year().stream()).mapToInt(Integer::intValue).min().orElse(0);
        int max = incidents.stream().flatMap(p -> p.year().stream()).mapToInt(Integer::intValue).max().orElse(-1);
        List<String> out = new ArrayList<>();
        for (int y = min; y <= max; y++) {
            out.add(String.valueOf(y));
        }
        return out;
    }

    /** Returns "quarter" or "year": what a period is. */
    public String periodName() {
        return year.isPresent() ? "quarter" : "year";
    }
}
