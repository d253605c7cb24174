package dev.hindsight.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Turns the timestamps of one timeline into instants, in order, and says why when it will not.
 *
 * <p>A time of day is placed on the latest date the timeline has stated (in an entry, a date line or a heading),
 * else on the incident date. Its zone is the one written next to it, else the one the timeline stated ("All times
 * in PST", a "Time (UTC)" column), else the site's zone. It refuses, leaving the instant empty, when:
 * <ul>
 *   <li>the zone abbreviation is ambiguous ({@code CST});</li>
 *   <li>a time without a date is earlier than the entry before it, and on the next day it would fall more than
 *       {@link #ROLLOVER} after it: it may be the next day or out of order, so it and the following dateless times
 *       stay unresolved until a date is written again. Within that, it is read as past midnight (on the next day,
 *       as the dateless times after it are), with a note;</li>
 *   <li>a month and day without a year would fall well after the incident date ({@code 12-05} in a March
 *       incident could be the December before).</li>
 * </ul>
 * A time relative to the incident's start ({@code T+0:12}) is that long after the start the front matter gives, and
 * has no instant without one (the first such time says so).
 * A date without a time that carries an event of its own ("| 2023-08-07 | The export moves to 16:30 |") and falls
 * before the incident date is background: it does not move the day of the dateless times after it, which stay on
 * the incident date. That reading is a choice, so the first time it applies it comes back with a note.
 */
final class TimelineClock {
    /** How many days after the incident date a month-day may fall and still be taken as the incident's year. */
    static final int MONTH_DAY_SLACK_DAYS = 2;
    /**
     * How far after the entry before it a dateless time that went back may fall, read on the next day, to be taken as
     * past midnight (23:50 then 00:05). A longer gap (14:00 then 09:00) is more likely an entry out of order.
     */
    static final java.time.Duration ROLLOVER = java.time.Duration.ofHours(12);

    private final Optional<LocalDate> incidentDate;
    private final ZoneId siteZone;
    private Optional<ZoneId> zone = Optional.empty();
    private Optional<LocalDate> date = Optional.empty();
    private Optional<LocalDateTime> previous = Optional.empty();
    private Optional<Instant> previousAt = Optional.empty();
    private boolean lostDay;
    private Optional<LocalDate> background = Optional.empty();
    private Optional<Instant> start = Optional.empty();
    private boolean startMissingNoted;

    /**
     * The outcome for one timestamp.
     *
     * @param at     the instant, if it could be pinned down
     * @param reason why not, when it could not (empty for a date without a time, which is simply imprecise);
     *               when the instant is present, a note on how an ambiguous stamp was read
     */
    record Reading(Optional<Instant> at, String reason) {
    }

    /** Starts a clock for an incident on a day, or on an unknown day (then only stamps with their own date resolve). */
    TimelineClock(Optional<LocalDate> incidentDate, ZoneId siteZone) {
        this.incidentDate = incidentDate;
        this.siteZone = siteZone;
    }

    /** Sets the incident's start: a time written relative to it ({@code T+0:12}) is that long after it. */
    void start(Instant at) {
        start = Optional.of(at);
    }

    /** Sets the zone the following times are written in. */
    void zone(ZoneId z) {
        zone = Optional.of(z);
    }

    /** Sets the date the following dateless times fall on. */
    void date(LocalDate d) {
        date = Optional.of(d);
        previous = Optional.empty();
        previousAt = Optional.empty();
        lostDay = false;
        background = Optional.empty();
    }

    /** Reads one timestamp that heads no event text of its own (a day heading row, say). */
    Reading read(TimeStamp s) {
        return read(s, false);
    }

    /** Reads one timestamp; {@code event} says whether the entry has event text besides the stamp. */
    Reading read(TimeStamp s, boolean event) {
        if (!s.badZone().isEmpty()) {
            return new Reading(Optional.empty(), "the zone '" + s.badZone()
                    + "' means different offsets in different countries; write UTC or an offset like -06:00");
        }
        if (s.offset().isPresent()) {
            return relative(s);
        }
        LocalDate day;
        if (s.date().isPresent() && s.time().isEmpty() && event && incidentDate.isPresent()
                && s.date().get().isBefore(incidentDate.get()) && date.isEmpty()) {
            background = s.date();
            return new Reading(Optional.empty(), "");
        } else if (s.date().isPresent()) {
            day = s.date().get();
            date(day);
        } else if (s.monthDay().isPresent()) {
            Optional<LocalDate> known = date.or(() -> incidentDate);
            if (known.isEmpty()) {
                return new Reading(Optional.empty(), "");
            }
            day = s.monthDay().get().atYear(known.get().getYear());
            if (date.isEmpty() && day.isAfter(incidentDate.get().plusDays(MONTH_DAY_SLACK_DAYS))) {
                return new Reading(Optional.empty(), "'" + s.label() + "' has no year and would fall after the incident "
                        + "date " + incidentDate.get() + "; write the full date");
            }
            date(day);
        } else {
            if (lostDay) {
                return new Reading(Optional.empty(), "an earlier time passed midnight without a date, so the day of '"
                        + s.label() + "' is unknown; write the date");
            }
            Optional<LocalDate> known = date.or(() -> incidentDate);
            if (known.isEmpty()) {
                // The incident's day is unknown (a warning of its own): a bare time cannot be placed, and is not
                // a problem of this entry.
                return new Reading(Optional.empty(), "");
            }
            day = known.get();
        }
        if (s.time().isEmpty()) {
            return new Reading(Optional.empty(), "");
        }
        LocalDateTime local = day.atTime(s.time().get());
        ZoneId z = s.zone().or(() -> zone).orElse(siteZone);
        Instant at = local.atZone(z).toInstant();
        if (s.date().isEmpty() && s.monthDay().isEmpty() && previousAt.isPresent() && at.isBefore(previousAt.get())) {
            LocalDateTime nextDay = local.plusDays(1);
            Instant rolled = nextDay.atZone(z).toInstant();
            if (!rolled.isAfter(previousAt.get().plus(ROLLOVER))) {
                String before = previous.get().toLocalTime().toString();
                date(day.plusDays(1));
                previous = Optional.of(nextDay);
                previousAt = Optional.of(rolled);
                return new Reading(Optional.of(rolled), "'" + s.label() + "' is earlier than the entry before it ("
                        + before + ") and has no date: read as the next day, " + nextDay.toLocalDate()
                        + "; write the date if that is wrong");
            }
            lostDay = true;
            return new Reading(Optional.empty(), "'" + s.label() + "' is earlier than the entry before it ("
                    + previous.get().toLocalTime() + ") and has no date: it may be the next day; write the date");
        }
        previous = Optional.of(local);
        previousAt = Optional.of(at);
        String note = "";
        if (background.isPresent() && s.date().isEmpty() && s.monthDay().isEmpty()) {
            note = "'" + s.label() + "' has no date; it is read on the incident date " + incidentDate.get() + ", not on "
                    + background.get() + " of the dated entry before it (taken as background); write the date if"
                    + " that is wrong";
            background = Optional.empty();
        }
        return new Reading(Optional.of(at), note);
    }

    /**
     * Reads a time relative to the start. Without a known start it has no instant; the first such time says why (a
     * timeline written this way has many).
     */
    private Reading relative(TimeStamp s) {
        if (start.isEmpty()) {
            String reason = startMissingNoted ? "" : "'" + s.label() + "' is a time after the incident's start, which is "
                    + "not known; add `times.started` (or a date with a time of day) to the front matter, or a line "
                    + "'Start time: 2024-03-11 14:00 UTC'";
            startMissingNoted = true;
            return new Reading(Optional.empty(), reason);
        }
        Instant at = start.get().plus(s.offset().get());
        previousAt = Optional.of(at);
        previous = Optional.of(LocalDateTime.ofInstant(at, zone.orElse(siteZone)));
        return new Reading(Optional.of(at), "");
    }
}
