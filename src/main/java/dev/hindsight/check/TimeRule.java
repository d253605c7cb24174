package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.TimelineEvent;
import dev.hindsight.model.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dates and times that cannot be right: an incident dated after today, a {@code times} moment after today, and
 * {@code times} out of the order started ≤ detected ≤ mitigated ≤ resolved, and timeline rows dated
 * {@value #FAR_DAYS} days or more from the incident's date (a year typed wrong: the row still counts, and a time
 * taken from it can make a duration a year long).
 *
 * <p>"Today" is the build's {@link SiteConfig#today()}, a UTC day; one day of slack lets an author east of UTC
 * write today's local date. Times the loader inferred from the timeline rather than read from {@code times:} are
 * reported as warnings, since the timeline may only be ambiguous.
 */
final class TimeRule {
    private static final String[] MOMENTS = {"started", "detected", "mitigated", "resolved"};
    /** How far from the incident's date a timeline row may be before it is reported. */
    static final int FAR_DAYS = 300;

    private TimeRule() {
    }

    /** Returns the date and time problems of a document. */
    static List<Problem> check(Document doc, SiteConfig cfg) {
        List<Problem> out = new ArrayList<>();
        Postmortem p = doc.postmortem();
        LocalDate latest = cfg.today().plusDays(1);
        if (p.date().isPresent() && p.date().get().isAfter(latest)) {
            out.add(doc.problem(CheckRule.FUTURE_DATE, doc.source().key("date"), "date " + p.date().get()
                    + " is after today (" + cfg.today() + "); the date is the day the incident started"));
        }
        List<Optional<Instant>> moments = moments(p.times());
        Instant end = latest.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < MOMENTS.length; i++) {
            Optional<Instant> at = moments.get(i);
            if (at.isPresent() && at.get().isAfter(end)) {
                out.add(level(doc, i, CheckRule.FUTURE_DATE, "times." + MOMENTS[i] + " " + at.get()
                        + " is after today (" + cfg.today() + ")"));
            }
        }
        int previous = -1;
        for (int i = 0; i < MOMENTS.length; i++) {
            if (moments.get(i).isEmpty()) {
                continue;
            }
            if (previous >= 0 && moments.get(i).get().isBefore(moments.get(previous).get())) {
                out.add(level(doc, i, CheckRule.TIMES_ORDER, "times." + MOMENTS[i] + " (" + moments.get(i).get()
                        + ") is before times." + MOMENTS[previous] + " (" + moments.get(previous).get()
                        + "); the order is started, detected, mitigated, resolved" + inferredNote(p, i)));
            }
            previous = i;
        }
        for (TimelineEvent e : p.timeline()) {
            if (e.at().isEmpty() || p.date().isEmpty()) {
                continue;
            }
            LocalDate day = e.at().get().atZone(cfg.zone()).toLocalDate();
            long days = ChronoUnit.DAYS.between(p.date().get(), day);
            if (Math.abs(days) >= FAR_DAYS) {
                out.add(doc.problem(CheckRule.TIMELINE_DATE, Position.line(e.line()), "the timeline row dated " + day + " is "
                        + Math.abs(days) + (days < 0 ? " days before" : " days after") + " the incident's date ("
                        + p.date().get() + "); a typo in the year?"));
            }
        }
        return out;
    }

    private static Problem level(Document doc, int moment, CheckRule rule, String message) {
        boolean inferred = doc.postmortem().inferred("times." + MOMENTS[moment]);
        Position pos = doc.source().key("times", MOMENTS[moment]);
        if (inferred) {
            Position timeline = doc.postmortem().section(dev.hindsight.model.SectionKind.TIMELINE)
                    .map(s -> Position.line(s.line())).orElse(Position.FILE);
            return rule.at(doc.path(), timeline, Problem.Level.WARNING, message);
        }
        return doc.problem(rule, pos, message);
    }

    private static String inferredNote(Postmortem p, int moment) {
        return p.inferred("times." + MOMENTS[moment]) ? " (inferred from the timeline: check its times and zone)" : "";
    }

    private static List<Optional<Instant>> moments(Times t) {
        return List.of(t.started(), t.detected(), t.mitigated(), t.resolved());
    }
}
