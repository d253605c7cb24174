package dev.hindsight.load;

import dev.hindsight.model.DateRange;
import dev.hindsight.model.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one file's dates inside the build's {@link DateRange}: a date outside is reported as a {@value #RULE}
 * warning at its line, naming the value, the range and the fix, and left out, so it is read as no date at all.
 * One instance adds the problems of one file to its list, and tells what the file's reading made of the range
 * ({@link #read()}).
 */
final class DateBounds {
    /** The rule of the warning. */
    static final String RULE = "date-range";

    private final DateRange range;
    private final String path;
    private final List<Problem> problems;
    private LocalDate latestKept = LocalDate.MIN;
    private boolean outside;

    DateBounds(DateRange range, String path, List<Problem> problems) {
        this.range = range;
        this.path = path;
        this.problems = problems;
    }

    /** Returns the range the dates are kept in. */
    DateRange range() {
        return range;
    }

    /** Returns what the dates checked so far make of the range, for the load cache. */
    DatesRead read() {
        return new DatesRead(range.last(), latestKept, outside);
    }

    /**
     * Returns the day when it is in the range; otherwise reports it and returns empty.
     *
     * @param what    how the message names the value: {@code `date`}, {@code action item `due`}
     * @param outcome what happens instead: "the incident is shown as undated"
     */
    Optional<LocalDate> day(LocalDate day, int line, String what, String outcome) {
        return day(day, line, what, "", outcome);
    }

    /**
     * Returns an inferred day when it is in the range; otherwise reports it, naming where it was found, and returns
     * empty.
     *
     * @param from where the value was found, as the inference names it, or "" for a written value
     */
    Optional<LocalDate> day(LocalDate day, int line, String what, String from, String outcome) {
        if (range.contains(day)) {
            latestKept = day.isAfter(latestKept) ? day : latestKept;
            return Optional.of(day);
        }
        report(line, what, day.toString(), from, outcome);
        return Optional.empty();
    }

    /**
     * Returns an action item's due day when it can be one (see {@link DateRange#containsDue}); otherwise reports it
     * and returns empty. A due day does not depend on today, so it does not bind the load cache to the day.
     */
    Optional<LocalDate> due(LocalDate day, int line, String what, String outcome) {
        if (range.containsDue(day)) {
            return Optional.of(day);
        }
        outside = true;
        problems.add(Problem.warning(path, line, RULE, what + " " + day + " is outside the days an item can be due ("
                + range.first() + " to " + DateRange.LAST_DUE + "), so it is read as a typo and " + outcome
                + "; correct the year"));
        return Optional.empty();
    }

    /** Returns the moment when its UTC day is in the range; otherwise reports it and returns empty. */
    Optional<Instant> moment(Instant at, int line, String what, String from, String outcome) {
        if (range.contains(at)) {
            LocalDate day = at.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
            latestKept = day.isAfter(latestKept) ? day : latestKept;
            return Optional.of(at);
        }
        report(line, what, at.toString(), from, outcome);
        return Optional.empty();
    }

    private void report(int line, String what, String value, String from, String outcome) {
        outside = true;
        problems.add(Problem.warning(path, line, RULE, what + " " + value + (from.isEmpty() ? "" : " (inferred from "
                + from + ")") + " is outside the dates taken as real ("
                + range.text() + "), so it is read as a typo and " + outcome + "; correct the year"));
    }
}
