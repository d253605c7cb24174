package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When an incident's follow-up was done: the facts "recurred after the fix" rests on. An incident counts as fixed
 * when it has at least one action item and every item is closed (done or won't do) on a known day; an item closed
 * without a date, or whose status was never recorded, cannot prove that, so it is never assumed.
 */
public final class Fixes {
    private Fixes() {
    }

    /** Returns the day a dated incident started: the day of its start time when known, else its date. */
    public static LocalDate startDay(Postmortem p) {
        return p.times().started().map(t -> t.atZone(ZoneOffset.UTC).toLocalDate())
                .orElseGet(() -> p.date().orElseThrow(() -> new IllegalArgumentException("no date: " + p.slug())));
    }

    /** Returns the day the last action item was closed, when every item was closed on a known day before a day. */
    public static Optional<LocalDate> fixedBefore(Postmortem p, LocalDate day) {
        return lastClosed(p).filter(last -> last.isBefore(day));
    }

    /** Returns the day the last item was closed, when the incident has items and every one was closed on a known day. */
    public static Optional<LocalDate> lastClosed(Postmortem p) {
        if (p.actionItems().isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = LocalDate.MIN;
        for (ActionItem a : p.actionItems()) {
            if (!a.status().isClosed() || a.closed().isEmpty()) {
                return Optional.empty();
            }
            last = a.closed().get().isAfter(last) ? a.closed().get() : last;
        }
        return Optional.of(last);
    }
}
