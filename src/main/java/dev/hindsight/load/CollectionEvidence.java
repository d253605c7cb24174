package dev.hindsight.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The evidence one file's date may draw from the others, gathered after a first reading of every file: the day
 * order most numeric dates in the collection prove, and for each folder the dates its files were given. A file left
 * without a date is read again with {@link #of(String)}; nothing else is, so the step is cheap and its inputs are
 * declared in {@link DateEvidence}.
 */
final class CollectionEvidence {
    private final DayOrder order;
    private final TreeMap<String, LocalDate> dated = new TreeMap<>();

    /**
     * One file as first read.
     *
     * @param path  the content-relative path
     * @param tally the numeric dates of its text, by the day order they prove
     * @param date  the date it was given, if any
     */
    record Reading(String path, DayOrder.Tally tally, Optional<LocalDate> date) {
    }

    CollectionEvidence(List<Reading> readings) {
        DayOrder.Tally all = DayOrder.Tally.NONE;
        for (Reading r : readings) {
            all = all.plus(r.tally());
            r.date().ifPresent(d -> dated.put(r.path(), d));
        }
        this.order = all.order();
    }

    /** Returns what the collection says about the date of the file at a path. */
    DateEvidence of(String path) {
        String folder = folder(path);
        String before = dated.lowerKey(path);
        String after = dated.higherKey(path);
        Optional<LocalDate> near = Optional.empty();
        if (before != null && folder(before).equals(folder)) {
            near = Optional.of(dated.get(before));
        } else if (after != null && folder(after).equals(folder)) {
            near = Optional.of(dated.get(after));
        }
        return new DateEvidence(order, near.map(d -> OptionalInt.of(d.getYear())).orElse(OptionalInt.empty()));
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
