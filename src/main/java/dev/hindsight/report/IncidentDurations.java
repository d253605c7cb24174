package dev.hindsight.report;

import dev.hindsight.analyze.Percentiles;
import dev.hindsight.analyze.Timing;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Section 7's numbers, durations: time to detect and time to resolve per severity, as median, p90 and histogram,
 * and the incidents whose timestamps are missing.
 */
final class IncidentDurations {
    private IncidentDurations() {
    }

    /**
     * The numbers of the section.
     *
     * @param timings    every incident of the scope, oldest first
     * @param bySeverity per severity that has incidents (site.yml's order, then others, then none), then all together
     */
    record Facts(List<Timing> timings, List<Group> bySeverity) {
        Facts {
            timings = List.copyOf(timings);
            bySeverity = List.copyOf(bySeverity);
        }

        /** Returns the incidents missing a duration, oldest first. */
        List<Timing> incomplete() {
            return timings.stream().filter(t -> !t.complete()).toList();
        }
    }

    /**
     * The durations of one severity (or of all incidents).
     *
     * @param id        the severity id, "" for none, "all" with {@code all} set for every incident
     * @param label     the display label
     * @param all       true for the row of every incident
     * @param incidents incidents in the group
     * @param ttd       known times to detect
     * @param ttr       known times to resolve
     */
    record Group(String id, String label, boolean all, int incidents, List<Duration> ttd, List<Duration> ttr) {
        Group {
            ttd = List.copyOf(ttd);
            ttr = List.copyOf(ttr);
        }

        Optional<Duration> ttdMedian() {
            return Percentiles.median(ttd);
        }

        Optional<Duration> ttdP90() {
            return Percentiles.nearestRank(ttd, 90);
        }

        Optional<Duration> ttrMedian() {
            return Percentiles.median(ttr);
        }

        Optional<Duration> ttrP90() {
            return Percentiles.nearestRank(ttr, 90);
        }
    }

    /** Counts the section's numbers. */
    static Facts facts(ReportInput in) {
        List<Timing> timings = in.inScope.stream().map(in::timing).toList();
        List<String> ids = new ArrayList<>();
        in.site.config().severities().stream().map(Term::id)
                .filter(id -> timings.stream().anyMatch(t -> t.severity().equals(id))).forEach(ids::add);
        TreeSet<String> others = new TreeSet<>();
        timings.stream().map(Timing::severity).filter(s -> !s.isEmpty() && !ids.contains(s)).forEach(others::add);
        ids.addAll(others);
        if (timings.stream().anyMatch(t -> t.severity().isEmpty())) {
            ids.add("");
        }
        List<Group> groups = new ArrayList<>();
        for (String id : ids) {
            List<Timing> g = timings.stream().filter(t -> t.severity().equals(id)).toList();
            groups.add(group(id, id.isEmpty() ? "No severity" : SiteConfig.label(in.site.config().severities(), id), false, g));
        }
        groups.add(group("all", "All severities", true, timings));
        return new Facts(timings, groups);
    }

    private static Group group(String id, String label, boolean all, List<Timing> g) {
        return new Group(id, label, all, g.size(), g.stream().flatMap(t -> t.ttd().stream()).toList(),
                g.stream().flatMap(t -> t.ttr().stream()).toList());
    }
}
