package dev.hindsight.report;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

import java.time.LocalDate;
import java.time.YearMonth;
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
        Optional<LocalDate> oldest = in.inScope.stream().flatMap(p -> p.date().stream()).min(Comparator.naturalOrder());
        if (oldest.isEmpty()) {
            return List.of();
        }
        YearMonth first = in.scope.year().map(y -> YearMonth.of(y, 1)).orElse(YearMonth.from(oldest.get()));
        YearMonth last = YearMonth.from(in.today);
        List<FollowThrough.MonthCount> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth().isAfter(in.today) ? in.today : m.atEndOfMonth();
            int open = 0;
            for (Postmortem p : in.inScope) {
                if (p.date().isEmpty() || p.date().get().isAfter(end)) {
                    continue;
                }
                for (ActionItem a : p.actionItems()) {
                    if (a.status().isOpen() || a.status().isClosed() && a.closed().isPresent() && a.closed().get().isAfter(end)) {
                        open++;
                    }
                }
            }
            out.add(new FollowThrough.MonthCount(m, open));
        }
        return out;
    }

    /** Returns how many closed items have no closing day. */
    static int undated(ReportInput in) {
        return (int) in.inScope.stream().flatMap(p -> p.actionItems().stream())
                .filter(a -> a.status().isClosed() && a.closed().isEmpty()).count();
    }
}
