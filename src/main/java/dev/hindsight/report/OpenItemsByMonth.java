package dev.hindsight.report;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Counts the open action items of the scope's incidents at the end of each month, from the scope's first month
 * (January of the year, or the month of the first incident) to the month of the report's today.
 * An item is open at a day when its incident had happened by then and it had not been closed by then;
 * items closed on an unknown day cannot be placed and are left out (and counted); items whose status was never
 * recorded are open at no day.
 */
final class OpenItemsByMonth {
    private OpenItemsByMonth() {
    }

    /** Returns the series, or nothing when the scope has no incidents or starts after today. */
    static List<FollowThrough.MonthCount> series(ReportInput in) {
        return series(in.inScope, in.scope.year(), in.today);
    }

    /**
     * Returns the series of some incidents, from January of a year (or the month of the oldest incident) to today's
     * month. Each item adds one to the months from the one its incident happened in to the one before it was
     * closed, so the count is linear in the items and the months: the all-years report of 10,000 incidents has
     * 30,000 items and 85 months, and counting every item again for every month was a second of a build.
     */
    static List<FollowThrough.MonthCount> series(List<Postmortem> incidents, Optional<Integer> year, LocalDate today) {
        Optional<LocalDate> oldest = incidents.stream().flatMap(p -> p.date().stream()).min(Comparator.naturalOrder());
        if (oldest.isEmpty()) {
            return List.of();
        }
        YearMonth first = year.map(y -> YearMonth.of(y, 1)).orElse(YearMonth.from(oldest.get()));
        YearMonth last = YearMonth.from(today);
        if (first.isAfter(last)) {
            return List.of();
        }
        int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
        int[] change = new int[months + 1];
        for (Postmortem p : incidents) {
            if (p.date().isEmpty()) {
                continue;
            }
            int from = reaching(first, months, p.date().get(), today);
            for (ActionItem a : p.actionItems()) {
                int to = a.status().isOpen() ? months
                        : a.status().isClosed() && a.closed().isPresent() ? reaching(first, months, a.closed().get(), today)
                        : from;
                if (from < to) {
                    change[from]++;
                    change[to]--;
                }
            }
        }
        List<FollowThrough.MonthCount> out = new ArrayList<>();
        int open = 0;
        for (int i = 0; i < months; i++) {
            open += change[i];
            out.add(new FollowThrough.MonthCount(first.plusMonths(i), open));
        }
        return out;
    }

    /**
     * Returns the first month of the series whose end (today, in today's month) is on or after a day: the month
     * an incident starts counting in, or the month a closed item stops; the number of months when none is.
     */
    private static int reaching(YearMonth first, int months, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            return months;
        }
        return (int) Math.max(0, first.until(YearMonth.from(day), ChronoUnit.MONTHS));
    }

    /** Returns how many closed items have no closing day. */
    static int undated(ReportInput in) {
        return (int) in.inScope.stream().flatMap(p -> p.actionItems().stream())
                .filter(a -> a.status().isClosed() && a.closed().isEmpty()).count();
    }
}
