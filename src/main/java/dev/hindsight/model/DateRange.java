package dev.hindsight.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The days the site takes for real incident dates: from {@link #FIRST} to {@link #AHEAD} after the build's today.
 * A date outside (0023 or 1023 for 2023, 9999 for "unknown", a year before computers ran services) is taken for a
 * typo: the loader reports it and leaves the value out, so an incident with one is shown as undated, and no page
 * or report spans centuries of empty years. The same range holds for every date the loader reads: the incident
 * date (written or inferred), the {@code times} moments and action items' closed days; a due day may be later, up to
 * {@link #LAST_DUE}.
 *
 * @param first the first day taken
 * @param last  the last day taken
 */
public record DateRange(LocalDate first, LocalDate last) {
    /** The first day taken for a real date. */
    public static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    /** How far after the build's today a date may be: a due date or a time zone ahead, not a mistyped year. */
    public static final Period AHEAD = Period.ofYears(1);

    /**
     * The last day an action item may be due: a due day is a plan, sometimes years ahead, so only a day past this
     * (9999-12-31 for "never", 2203 for 2023) is taken for a typo. It does not move with today.
     */
    public static final LocalDate LAST_DUE = LocalDate.of(2099, 12, 31);

    public DateRange {
        Validate.notNull(first, "first");
        Validate.notNull(last, "last");
    }

    /** Returns the range of a build whose today is the given day. */
    public static DateRange asOf(LocalDate today) {
        Validate.notNull(today, "today");
        return new DateRange(FIRST, today.plus(AHEAD));
    }

    /** Returns true when a day can be an action item's due day: from the range's first day to {@link #LAST_DUE}. */
    public boolean containsDue(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(LAST_DUE);
    }

    /** Returns true when a day is in the range, both ends included. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** Returns true when the UTC day of an instant is in the range. */
    public boolean contains(Instant at) {
        return !at.isBefore(first.atStartOfDay(ZoneOffset.UTC).toInstant())
                && at.isBefore(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Returns the range as messages name it: "1970-01-01 to 2027-01-15". */
    public String text() {
        return first + " to " + last;
    }
}
