package dev.hindsight.load;

import dev.hindsight.model.DateRange;

import java.time.LocalDate;

/**
 * What reading one file made of the build's {@link DateRange}, so its cached reading is used only under a range that
 * would give the same: the start of the range never changes, and its end moves with the build's today.
 *
 * @param last       the last day of the range the file was read under
 * @param latestKept the latest day of a date the file kept ({@link LocalDate#MIN} when it kept none)
 * @param outside    true when a date was outside the range: its warning names the range, so only the same range
 *                   gives the same reading
 */
record DatesRead(LocalDate last, LocalDate latestKept, boolean outside) {
    /** The reading of a file that read no date, which holds under every range. */
    static final DatesRead ANY = new DatesRead(LocalDate.MIN, LocalDate.MIN, false);

    /** Returns true when reading the file under a range would give the same result. */
    boolean holdsFor(DateRange range) {
        return outside ? range.last().equals(last) : !range.last().isBefore(latestKept);
    }
}
