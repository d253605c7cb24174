package dev.hindsight.load;

import dev.hindsight.model.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fills the key moments the front matter left out, from the timeline and from duration lines, recording each as
 * an inference. For each moment the strongest evidence wins:
 * <ol>
 *   <li>a time on a metadata line or table row ("Start time: 09:02", "| Resolved | 2023-04-21 11:40 |");</li>
 *   <li>for the end, the start plus the front matter's {@code times.duration};</li>
 *   <li>an entry that names the moment ("First detected 2023-09-18 13:42", "**Outage begins.**", "Resolved ...",
 *       "Status: Resolved at ...");</li>
 *   <li>a duration line measured from the start, unless it lands before a moment already known ("Time to
 *       detection: 15 minutes", "Time to repair: 0h 45m",
 *       "Time to recovery: 87 minutes");</li>
 *   <li>the first entry after the start that mentions it: detected (alert, paged, detected, noticed, reported, a
 *       support ticket or a complaint),
 *       mitigated (mitigated, rolled back, restored), resolved (resolved, closed, all clear);</li>
 *   <li>for the start, the first timed entry on or after the incident date; for the end, the last timed entry;</li>
 *   <li>for the start of a write-up with no timed entry, a zoned time in its opening prose, and for its end a later
 *       one after "until" or "to" ({@link ProseTimes}).</li>
 * </ol>
 * Entries without an instant are never used, and a moment before the start is not taken.
 */
final class TimesDeriver {
    private static final Pattern START_MARK = Pattern.compile("(?i)\\b(outage|incident|impact|fault|problem|issue|degradation)"
            + "\\s+(begins|began|starts|started|occurs|occurred)\\b|^fault occurs|\\bincident start");
    private static final Pattern DETECTED_MARK = Pattern.compile("(?i)^(first\\s+)?(detected|fault detected|identified|"
            + "incident detected|detection)\\b");
    private static final Pattern MITIGATED_MARK = Pattern.compile("(?i)^(repaired|mitigated|incident repaired|"
            + "impact mitigated)\\b|\\bmitigated\\.?\\*{0,2}$");
    private static final Pattern RESOLVED_MARK = Pattern.compile("(?i)^(resolved|incident resolved|incident closed)\\b"
            + "|\\b(outage|incident|impact)\\s+(ends|ended|over)\\b|\\bresolved\\.?\\*{0,2}$");
    private static final Pattern DETECTED_WORDS = Pattern.compile("(?i)\\b(alert(s|ed|ing)?|alarm(s|ed)?|pag(e|ed|ing|ers?)|"
            + "pagerduty|detected|detects|noticed|notices|reported|reports|spotted|observed|tickets?|complain(ed|ts?|s)?)\\b");
    private static final Pattern MITIGATED_WORDS = Pattern.compile("(?i)\\b(mitigat\\w*|rolled back|roll(ed)?[- ]?back "
            + "(complete|completed|done|finished)|restored|recovered|workaround)\\b");
    private static final Pattern RESOLVED_WORDS = Pattern.compile("(?i)\\b(resolved|resolution confirmed|closed|all clear|"
            + "fully (restored|recovered|operational)|back to normal|operational again|healthy again)\\b");

    private final Draft d;
    private final List<TimelineEvent> events;
    private final List<MetadataLines.Fact> facts;
    private final int lineOffset;

    TimesDeriver(Draft d, List<TimelineEvent> events, List<MetadataLines.Fact> facts, int lineOffset) {
        this.d = d;
        this.events = events.stream().filter(e -> e.at().isPresent()).toList();
        this.facts = facts;
        this.lineOffset = lineOffset;
    }

    /** Derives the missing moments for an incident on a date, reading zone-less moment lines in a zone. */
    void derive(Optional<LocalDate> date, ZoneId zone, String bodyText) {
        if (d.started.isEmpty()) {
            d.started = stated("at.started", "times.started", Optional.empty(), date, zone)
                    .or(() -> marked(START_MARK, "times.started", Optional.empty()))
                    .or(() -> firstFrom(date, zone))
                    .or(() -> prose(bodyText, date));
        }
        if (d.detected.isEmpty()) {
            d.detected = stated("at.detected", "times.detected", d.started, date, zone)
                    .or(() -> marked(DETECTED_MARK, "times.detected", d.started))
                    .or(() -> after("after.detected", "times.detected", d.started))
                    .or(() -> mentioned(DETECTED_WORDS, "times.detected", d.started))
                    .or(() -> spoken(DETECTED_WORDS, "times.detected", d.started, bodyText, date));
        }
        if (d.mitigated.isEmpty()) {
            Optional<Instant> floor = d.detected.or(() -> d.started);
            d.mitigated = stated("at.mitigated", "times.mitigated", floor, date, zone)
                    .or(() -> marked(MITIGATED_MARK, "times.mitigated", floor))
                    .or(() -> after("after.mitigated", "times.mitigated", floor))
                    .or(() -> mentioned(MITIGATED_WORDS, "times.mitigated", floor))
                    .or(() -> spoken(MITIGATED_WORDS, "times.mitigated", floor, bodyText, date));
        }
        if (d.resolved.isEmpty()) {
            Optional<Instant> floor = d.mitigated.or(() -> d.detected).or(() -> d.started);
            d.resolved = stated("at.resolved", "times.resolved", floor, date, zone)
                    .or(() -> declaredDuration(floor))
                    .or(() -> marked(RESOLVED_MARK, "times.resolved", floor))
                    .or(() -> statusLine(date, zone))
                    .or(() -> after("after.resolved", "times.resolved", floor))
                    .or(() -> mentioned(RESOLVED_WORDS, "times.resolved", floor))
                    .or(() -> last(floor))
                    .or(() -> proseEnd(bodyText, floor));
        }
    }

    private Optional<Instant> marked(Pattern mark, String field, Optional<Instant> floor) {
        for (TimelineEvent e : events) {
            boolean worded = !e.label().isEmpty() && Character.isLetter(e.label().charAt(0));
            if ((mark.matcher(e.text().strip()).find() || worded && mark.matcher(e.label() + " " + e.text()).find())
                    && notBefore(e.at().get(), floor)) {
                d.inferred(field, e.at().get().toString(), "timeline entry '" + e.label() + "' (line " + e.line() + ")");
                return e.at();
            }
        }
        return Optional.empty();
    }

    /** A time on a metadata line or table row ("Start time: 2023-04-21 09:02 UTC"), unless before the floor. */
    private Optional<Instant> stated(String factField, String field, Optional<Instant> floor, Optional<LocalDate> date,
                                     ZoneId zone) {
        for (MetadataLines.Fact f : facts) {
            Optional<Instant> at = at(f, factField, date, zone).filter(i -> notBefore(i, floor));
            if (at.isPresent()) {
                d.inferred(field, at.get().toString(), "'" + f.label() + ": " + f.value() + "' (line "
                        + (f.line() + lineOffset) + ")");
                return at;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the start a metadata line or table row states ("Start time: 2023-04-21 09:02 UTC"), as {@link #derive}
     * reads it; for a timeline written relative to the start, read before the times are derived.
     */
    static Optional<Instant> statedStart(List<MetadataLines.Fact> facts, Optional<LocalDate> date, ZoneId zone) {
        return facts.stream().flatMap(f -> at(f, "at.started", date, zone).stream()).findFirst();
    }

    /** Returns the instant a fact of a kind states, if it is of that kind and states one. */
    private static Optional<Instant> at(MetadataLines.Fact f, String factField, Optional<LocalDate> date, ZoneId zone) {
        return Optional.of(f).filter(x -> x.field().equals(factField))
                .flatMap(x -> TimeStamp.leading(x.value())).filter(TimeStamp::hasTime)
                .flatMap(s -> new TimelineClock(date, zone).read(s).at());
    }

    /** The start plus the front matter's {@code times.duration}, unless it lands before a moment already known. */
    private Optional<Instant> declaredDuration(Optional<Instant> floor) {
        if (d.started.isEmpty() || d.duration.isEmpty() || !notBefore(d.started.get().plus(d.duration.get()), floor)) {
            return Optional.empty();
        }
        Instant at = d.started.get().plus(d.duration.get());
        d.inferred("times.resolved", at.toString(), "the start plus the front matter's duration ("
                + d.duration.get().toMinutes() + " minutes)");
        return Optional.of(at);
    }

    private Optional<Instant> firstFrom(Optional<LocalDate> date, ZoneId zone) {
        Optional<Instant> dayStart = date.map(day -> day.atStartOfDay(zone).toInstant());
        Optional<TimelineEvent> first = events.stream()
                .filter(e -> dayStart.isEmpty() || !e.at().get().isBefore(dayStart.get())).findFirst()
                .or(() -> events.stream().findFirst());
        first.ifPresent(e -> d.inferred("times.started", e.at().get().toString(), "first timeline entry '" + e.label()
                + "' (line " + e.line() + ")"));
        return first.flatMap(TimelineEvent::at);
    }

    private Optional<Instant> prose(String bodyText, Optional<LocalDate> date) {
        Optional<ProseTimes.Found> f = ProseTimes.start(bodyText, date);
        f.ifPresent(p -> d.inferred("times.started", p.at().toString(), "a time in the opening text ('" + p.text() + "')"));
        return f.map(ProseTimes.Found::at);
    }

    /**
     * A moment of a write-up with no timed entry, from a zoned time in its opening prose whose words say what
     * happened then ("Automated monitoring alerted at 20:31 UTC", "we rolled back the change at 23:40 UTC").
     */
    private Optional<Instant> spoken(Pattern words, String field, Optional<Instant> floor, String bodyText,
                                     Optional<LocalDate> date) {
        if (!events.isEmpty() || d.started.isEmpty() || floor.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        for (ProseTimes.Found m : ProseTimes.moments(bodyText, date.get(), d.started.get())) {
            if (m.at().isAfter(d.started.get()) && notBefore(m.at(), floor) && words.matcher(m.text()).find()) {
                d.inferred(field, m.at().toString(), "a time in the opening text mentions " + matched(words, m.text())
                        + " ('" + m.text() + "')");
                return Optional.of(m.at());
            }
        }
        return Optional.empty();
    }

    /** The end in the opening prose, for a write-up with no timed entry whose start the prose gave too. */
    private Optional<Instant> proseEnd(String bodyText, Optional<Instant> floor) {
        if (!events.isEmpty() || floor.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProseTimes.Found> f = ProseTimes.end(bodyText, floor.get());
        f.ifPresent(p -> d.inferred("times.resolved", p.at().toString(), "a time in the opening text ('" + p.text() + "')"));
        return f.map(ProseTimes.Found::at);
    }

    private Optional<Instant> after(String factField, String field, Optional<Instant> floor) {
        if (d.started.isEmpty()) {
            return Optional.empty();
        }
        for (MetadataLines.Fact f : facts) {
            if (!f.field().equals(factField)) {
                continue;
            }
            Optional<Duration> dur = DurationText.parse(f.value());
            // A duration that lands before a moment already known is counted from something else: not used.
            if (dur.isPresent() && notBefore(d.started.get().plus(dur.get()), floor)) {
                Instant at = d.started.get().plus(dur.get());
                d.inferred(field, at.toString(), "'" + f.label() + ": " + f.value() + "' after the start (line "
                        + (f.line() + lineOffset) + ")");
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> mentioned(Pattern words, String field, Optional<Instant> floor) {
        if (d.started.isEmpty() || floor.isEmpty()) {
            return Optional.empty();
        }
        for (TimelineEvent e : events) {
            if (e.at().get().isAfter(d.started.get()) && notBefore(e.at().get(), floor) && words.matcher(e.text()).find()) {
                d.inferred(field, e.at().get().toString(), "timeline entry '" + e.label() + "' mentions "
                        + matched(words, e.text()) + " (line " + e.line() + ")");
                return e.at();
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> statusLine(Optional<LocalDate> date, ZoneId zone) {
        for (MetadataLines.Fact f : facts) {
            if (!f.field().equals("moment.resolved")) {
                continue;
            }
            Optional<TimeStamp> s = TimeStamp.leading(f.value().replaceFirst("(?i)^resolved\\s+(at\\s+)?", ""));
            if (f.value().toLowerCase(Locale.ROOT).startsWith("resolved") && s.isPresent() && s.get().hasTime()) {
                Optional<Instant> at = new TimelineClock(date, zone).read(s.get()).at();
                at.ifPresent(i -> d.inferred("times.resolved", i.toString(), "'" + f.label() + ": " + f.value()
                        + "' (line " + (f.line() + lineOffset) + ")"));
                return at;
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> last(Optional<Instant> floor) {
        if (events.isEmpty() || d.started.isEmpty() || !events.get(events.size() - 1).at().get().isAfter(d.started.get())
                || !notBefore(events.get(events.size() - 1).at().get(), floor)) {
            return Optional.empty();
        }
        TimelineEvent e = events.get(events.size() - 1);
        d.inferred("times.resolved", e.at().get().toString(), "last timeline entry '" + e.label() + "' (line "
                + e.line() + ")");
        return e.at();
    }

    private static boolean notBefore(Instant at, Optional<Instant> floor) {
        return floor.isEmpty() || !at.isBefore(floor.get());
    }

    private static String matched(Pattern p, String text) {
        var m = p.matcher(text);
        return m.find() ? "'" + m.group().toLowerCase(Locale.ROOT) + "'" : "it";
    }
}
