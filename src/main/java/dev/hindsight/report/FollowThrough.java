package dev.hindsight.report;

import dev.hindsight.analyze.OwnerTeam;
import dev.hindsight.analyze.SloPolicy;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Postmortem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Section 5's numbers, action-item follow-through, for the action items of the scope's incidents: completion,
 * closing within the SLO, open and overdue items by owner and team, and open items at each month end.
 *
 * <p>The report counts action items one way everywhere: every item of the scope's incidents, won't do and items
 * whose status was never recorded ({@link ActionStatus#UNKNOWN}) included ({@link Facts#total()}). Unrecorded items
 * are counted apart within it: they are never done, open or overdue.
 */
final class FollowThrough {
    private FollowThrough() {
    }

    /**
     * The numbers of the section.
     *
     * @param total           action items, all of them: the one count of action items the report shows
     * @param done            items done
     * @param wontDo          items dropped (won't do)
     * @param unrecorded      items whose status was never recorded: neither open nor closed
     * @param open            items open or in progress
     * @param overdue         open items past their due date
     * @param slo             per action type with an SLO, in type order
     * @param noSlo           items per action type without an SLO, in type order
     * @param openItems       every open item, overdue first (most overdue first), then oldest first
     * @param byOwner         open items per owner ("" for none), most overdue first
     * @param byTeam          open items per team ("" for none), most overdue first
     * @param openByMonth     open items at the end of each month (today for the current month)
     * @param undatedClosures closed items without a closing day, left out of the monthly series
     * @param outcomes        what the done items were said to do
     */
    record Facts(int total, int done, int wontDo, int unrecorded, int open, int overdue, List<SloRow> slo,
                 List<TypeCount> noSlo, List<OpenItem> openItems, List<OpenGroup> byOwner, List<OpenGroup> byTeam, List<MonthCount> openByMonth, int undatedClosures,
                 Outcomes.Facts outcomes) {
        Facts {
            slo = List.copyOf(slo);
            noSlo = List.copyOf(noSlo);
            openItems = List.copyOf(openItems);
            byOwner = List.copyOf(byOwner);
            byTeam = List.copyOf(byTeam);
            openByMonth = List.copyOf(openByMonth);
        }

        /** Returns the items that met their SLO, over all types. */
        int sloMet() {
            return slo.stream().mapToInt(SloRow::within).sum();
        }

        /** Returns the items whose SLO outcome is known (met, closed late, or open past it), over all types. */
        int sloDecided() {
            return slo.stream().mapToInt(SloRow::decided).sum();
        }
    }

    /**
     * Items of an action type that has no SLO.
     *
     * @param type  the action type
     * @param items its items
     */
    record TypeCount(ActionType type, int items) {
    }

    /**
     * How the items of one type did against its SLO.
     *
     * @param type     the action type
     * @param days     the SLO in days from the incident date
     * @param items    items of the type
     * @param within   done within the SLO
     * @param late     done after it
     * @param openPast still open past it
     * @param pending  open and still within it
     * @param undated  done on an unknown day
     * @param dropped  won't do
     * @param unrecorded status never recorded
     */
    record SloRow(ActionType type, int days, int items, int within, int late, int openPast, int pending, int undated, int dropped,
                  int unrecorded) {
        /** Returns the items whose outcome is known: the denominator of the share within the SLO. */
        int decided() {
            return within + late + openPast;
        }
    }

    /**
     * One open action item.
     *
     * @param slug        its incident
     * @param item        the item
     * @param teams       the owner team ({@link OwnerTeam}), or none
     * @param ageDays     days since the incident, when its date is known
     * @param overdueDays days past the due date, when overdue
     */
    record OpenItem(String slug, ActionItem item, List<String> teams, OptionalLong ageDays, OptionalLong overdueDays) {
        OpenItem {
            teams = List.copyOf(teams);
        }
    }

    /**
     * Open items of one owner or team.
     *
     * @param id         the owner or team id, "" for none
     * @param open       open items
     * @param overdue    overdue items
     * @param oldestDays age of the oldest open item in days
     */
    record OpenGroup(String id, int open, int overdue, long oldestDays) {
    }

    /**
     * Open items at the end of a month.
     *
     * @param month the month
     * @param open  items open on its last day (or today)
     */
    record MonthCount(YearMonth month, int open) {
    }

    /** Counts the section's numbers. */
    static Facts facts(ReportInput in) {
        LocalDate today = in.today;
        SloPolicy policy = SloPolicy.of(in.site.config());
        OwnerTeam.Resolver owners = new OwnerTeam.Resolver(in.site.config().teams());
        int total = 0;
        int done = 0;
        int wontDo = 0;
        int unrecorded = 0;
        Map<ActionType, int[]> slo = new TreeMap<>();
        Map<ActionType, Integer> noSlo = new TreeMap<>();
        List<OpenItem> open = new ArrayList<>();
        for (Postmortem p : in.inScope) {
            for (ActionItem a : p.actionItems()) {
                total++;
                done += a.status() == ActionStatus.DONE ? 1 : 0;
                wontDo += a.status() == ActionStatus.WONT_DO ? 1 : 0;
                unrecorded += a.status() == ActionStatus.UNKNOWN ? 1 : 0;
                Optional<Integer> days = policy.daysFor(a.type());
                if (days.isPresent()) {
                    // An incident with no known date has no SLO deadline: its items count as undated (unless unrecorded).
                    int o = outcome(a, p.date().map(d -> d.plusDays(days.get())), today);
                    slo.computeIfAbsent(a.type(), k -> new int[8])[o]++;
                } else {
                    noSlo.merge(a.type(), 1, Integer::sum);
                }
                if (a.status().isOpen()) {
                    List<String> teams = owners.of(a, p.teams()).id().stream().toList();
                    OptionalLong age = p.date().map(d -> OptionalLong.of(Math.max(0, ChronoUnit.DAYS.between(d, today))))
                            .orElse(OptionalLong.empty());
                    open.add(new OpenItem(p.slug(), a, teams, age,
                            a.isOverdue(today) ? OptionalLong.of(ChronoUnit.DAYS.between(a.due().orElseThrow(), today)) : OptionalLong.empty()));
                }
            }
        }
        open.sort(Comparator.comparingLong((OpenItem o) -> -o.overdueDays().orElse(-1))
                .thenComparing(Comparator.comparingLong((OpenItem o) -> o.ageDays().orElse(-1)).reversed())
                .thenComparing(OpenItem::slug).thenComparing(o -> o.item().title()));
        List<SloRow> rows = new ArrayList<>();
        slo.forEach((type, c) -> rows.add(new SloRow(type, policy.daysFor(type).orElseThrow(),
                c[0] + c[1] + c[2] + c[3] + c[4] + c[5] + c[6], c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
        int overdue = (int) open.stream().filter(o -> o.overdueDays().isPresent()).count();
        return new Facts(total, done, wontDo, unrecorded, open.size(), overdue, rows,
                noSlo.entrySet().stream().map(e -> new TypeCount(e.getKey(), e.getValue())).toList(), open,
                groups(open, o -> List.of(o.item().owner().orElse(""))), groups(open, o -> o.teams().isEmpty() ? List.of("") : o.teams()),
                OpenItemsByMonth.series(in), OpenItemsByMonth.undated(in), Outcomes.facts(in));
    }

    /** Returns the SLO outcome index: 0 within, 1 late, 2 open past, 3 pending, 4 undated, 5 dropped, 6 unrecorded. */
    private static int outcome(ActionItem a, Optional<LocalDate> deadline, LocalDate today) {
        if (a.status() == ActionStatus.UNKNOWN) {
            return 6;
        }
        if (deadline.isEmpty()) {
            return 4;
        }
        if (a.status() == ActionStatus.WONT_DO) {
            return 5;
        }
        if (a.status() == ActionStatus.DONE) {
            return a.closed().map(c -> c.isAfter(deadline.get()) ? 1 : 0).orElse(4);
        }
        return today.isAfter(deadline.get()) ? 2 : 3;
    }

    private static List<OpenGroup> groups(List<OpenItem> open, java.util.function.Function<OpenItem, List<String>> keys) {
        Map<String, long[]> m = new TreeMap<>();
        for (OpenItem o : open) {
            for (String k : keys.apply(o)) {
                long[] g = m.computeIfAbsent(k, x -> new long[3]);
                g[0]++;
                g[1] += o.overdueDays().isPresent() ? 1 : 0;
                g[2] = Math.max(g[2], o.ageDays().orElse(0));
            }
        }
        List<OpenGroup> out = new ArrayList<>();
        m.forEach((k, g) -> out.add(new OpenGroup(k, (int) g[0], (int) g[1], g[2])));
        out.sort(Comparator.comparingInt(OpenGroup::overdue).reversed().thenComparing(Comparator.comparingInt(OpenGroup::open).reversed())
                .thenComparing(OpenGroup::id));
        return out;
    }
}
