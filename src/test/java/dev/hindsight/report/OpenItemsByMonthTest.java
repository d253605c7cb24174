package dev.hindsight.report;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The open items at the end of each month, counted by month boundaries, against counting every item for every month. */
class OpenItemsByMonthTest {
    private static final LocalDate START = LocalDate.of(2019, 1, 1);

    /** The definition, item by item and month by month: open at a month's end (today in today's month). */
    private static List<FollowThrough.MonthCount> byDefinition(List<Postmortem> incidents, Optional<Integer> year, LocalDate today) {
        Optional<LocalDate> oldest = incidents.stream().flatMap(p -> p.date().stream()).min(LocalDate::compareTo);
        if (oldest.isEmpty()) {
            return List.of();
        }
        List<FollowThrough.MonthCount> out = new ArrayList<>();
        for (YearMonth m = year.map(y -> YearMonth.of(y, 1)).orElse(YearMonth.from(oldest.get()));
                !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
            int open = 0;
            for (Postmortem p : incidents) {
                for (ActionItem a : p.actionItems()) {
                    boolean happened = p.date().isPresent() && !p.date().get().isAfter(end);
                    boolean stillOpen = a.status().isOpen()
                            || a.status().isClosed() && a.closed().isPresent() && a.closed().get().isAfter(end);
                    open += happened && stillOpen ? 1 : 0;
                }
            }
            out.add(new FollowThrough.MonthCount(m, open));
        }
        return out;
    }

    private static LocalDate day(Random r) {
        return START.plusDays(r.nextInt(8 * 366));
    }

    @Test
    void countsWhatTheDefinitionCountsOnRandomIncidents() {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            List<Postmortem> incidents = new ArrayList<>();
            for (int i = 0, n = r.nextInt(25); i < n; i++) {
                PostmortemFixture f = PostmortemFixture.of("incident-" + i).date(r.nextInt(8) == 0 ? null : day(r));
                for (int k = 0, items = r.nextInt(4); k < items; k++) {
                    ActionStatus s = ActionStatus.values()[r.nextInt(ActionStatus.values().length)];
                    String closed = r.nextBoolean() ? day(r).toString() : null;
                    f.item("Item " + k, ActionType.PREVENT, null, null, s, closed);
                }
                incidents.add(f.build());
            }
            LocalDate today = day(r);
            Optional<Integer> year = r.nextBoolean() ? Optional.empty() : Optional.of(2019 + r.nextInt(9));
            assertThat(OpenItemsByMonth.series(incidents, year, today)).as("seed %d", seed)
                    .isEqualTo(byDefinition(incidents, year, today));
        }
    }

    @Test
    void anItemCountsFromItsIncidentsMonthUntilTheMonthBeforeItClosed() {
        Postmortem p = PostmortemFixture.of("2025-02-10-x")
                .item("Closed in April", ActionType.PREVENT, null, null, ActionStatus.DONE, "2025-04-03")
                .item("Still open", ActionType.DETECT, null, null, ActionStatus.OPEN, null).build();
        assertThat(OpenItemsByMonth.series(List.of(p), Optional.of(2025), LocalDate.of(2025, 5, 20)))
                .extracting(FollowThrough.MonthCount::open).containsExactly(0, 2, 2, 1, 1);
    }
}
