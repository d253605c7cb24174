package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Validate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How the incidents filed under one term (a service, cause or team) are going: how many per year, which terms of
 * another taxonomy they share most, their action items still open (worst first), and their median time to resolve.
 *
 * @param incidents    incidents filed under the term
 * @param perYear      incidents per year from the term's first year to the last year asked for, years without any
 *                     included as zeros, oldest first; empty when no incident has a date
 * @param undated      incidents without a date (not in perYear)
 * @param top          the other taxonomy's terms of these incidents, most incidents first, then by id
 * @param open         the open and in-progress action items of these incidents, worst first ({@link #WORST_FIRST})
 * @param overdue      how many of the open items are past due
 * @param resolveTimes the known times to resolve ({@link Timing}), one per incident that has one
 */
public record TermStatus(int incidents, List<YearCount> perYear, int undated, List<TermCount> top,
                         List<LedgerEntry> open, int overdue, List<Duration> resolveTimes) {
    /**
     * Overdue items first, the longest overdue (earliest due day) first; then the other open items by due day,
     * those without one last; then the oldest incident first, and by incident and title so the order is total.
     */
    public static final Comparator<LedgerEntry> WORST_FIRST = Comparator
            .comparing((LedgerEntry e) -> !e.overdue())
            .thenComparing(e -> e.item().due().orElse(LocalDate.MAX))
            .thenComparing(e -> -e.ageDays().orElse(-1))
            .thenComparing(LedgerEntry::slug)
            .thenComparing(e -> e.item().title());

    public TermStatus {
        perYear = List.copyOf(perYear);
        top = List.copyOf(top);
        open = List.copyOf(open);
        resolveTimes = List.copyOf(resolveTimes);
    }

    /**
     * The number of incidents in one year.
     *
     * @param year  the year
     * @param count incidents that started in it
     */
    public record YearCount(int year, int count) {
    }

    /**
     * A term of another taxonomy with the number of the incidents it shares.
     *
     * @param id    the term id
     * @param count incidents filed under both
     */
    public record TermCount(String id, int count) {
    }

    /**
     * Works out the status of a term.
     *
     * @param incidents the term's incidents
     * @param others    the terms of the other taxonomy an incident is filed under (its causes, for a service)
     * @param ledger    the ledger entries of each incident, by slug
     * @param timings   the timing of each incident, by slug
     * @param lastYear  the last year to count (the site's latest), so that quiet years since show as zeros
     */
    public static TermStatus of(List<Postmortem> incidents, Function<Postmortem, List<String>> others,
                                Map<String, List<LedgerEntry>> ledger, Map<String, Timing> timings, int lastYear) {
        Validate.notNull(incidents, "incidents");
        TreeMap<Integer, Integer> years = new TreeMap<>();
        TreeMap<String, Integer> shared = new TreeMap<>();
        List<LedgerEntry> open = new ArrayList<>();
        List<Duration> resolve = new ArrayList<>();
        int undated = 0;
        for (Postmortem p : incidents) {
            Optional<Integer> year = p.year();
            if (year.isPresent()) {
                years.merge(year.get(), 1, Integer::sum);
            } else {
                undated++;
            }
            others.apply(p).stream().distinct().forEach(t -> shared.merge(t, 1, Integer::sum));
            ledger.getOrDefault(p.slug(), List.of()).stream().filter(e -> e.item().status().isOpen()).forEach(open::add);
            Optional.ofNullable(timings.get(p.slug())).flatMap(Timing::ttr).ifPresent(resolve::add);
        }
        List<YearCount> perYear = new ArrayList<>();
        if (!years.isEmpty()) {
            for (int y = years.firstKey(); y <= Math.max(lastYear, years.lastKey()); y++) {
                perYear.add(new YearCount(y, years.getOrDefault(y, 0)));
            }
        }
        List<TermCount> top = shared.entrySet().stream().map(e -> new TermCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((TermCount c) -> -c.count()).thenComparing(TermCount::id)).toList();
        open.sort(WORST_FIRST);
        int overdue = (int) open.stream().filter(LedgerEntry::overdue).count();
        return new TermStatus(incidents.size(), perYear, undated, top, open, overdue, resolve);
    }

    /** Returns the median time to resolve, empty when no incident has one. */
    public Optional<Duration> medianToResolve() {
        return Percentiles.median(resolveTimes);
    }
}
