package dev.hindsight.load;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the rest of the collection says about one file's date: the declared inputs of the date step beyond the file
 * itself, so that a build cache can key a loaded file on them.
 *
 * @param order         the day order most of the collection's numeric dates prove ({@link DayOrder})
 * @param neighbourYear the year of the nearest dated file in the same folder, for a date written without one
 */
record DateEvidence(DayOrder order, OptionalInt neighbourYear) {
    /** Nothing known beyond the file. */
    static final DateEvidence NONE = new DateEvidence(DayOrder.UNKNOWN, OptionalInt.empty());

    /** Returns the day order of a file's numeric dates: the one its own text proves (its tally), else the collection's. */
    DayOrder orderOf(DayOrder.Tally own) {
        return own.order() != DayOrder.UNKNOWN ? own.order() : order;
    }

    /**
     * Returns the day order of a file's numeric dates once its day is known: the one its text proves, else the one
     * that puts its dates near that day, else the collection's.
     */
    DayOrder orderOf(DayOrder.Tally own, String text, Optional<LocalDate> day) {
        if (own.order() == DayOrder.UNKNOWN && day.isPresent()) {
            DayOrder near = DayOrder.near(text, day.get());
            if (near != DayOrder.UNKNOWN) {
                return near;
            }
        }
        return orderOf(own);
    }
}
