package dev.hindsight.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when an incident started in its opening prose, for a write-up with no timed timeline: the first time of
 * day that a preposition introduces and a zone qualifies ("at 4:11 AM UTC", "from around 20:20 to 20:46 UTC",
 * "From November 11, 4:02 PM UTC"), and when it ended ("until 19:52 UTC"). A time without a written zone is not
 * taken: prose times without one are too often local and unstated. Only the first {@value #OPENING_CHARS} characters
 * are read.
 */
final class ProseTimes {
    /** How much of the body counts as the opening. */
    static final int OPENING_CHARS = 3000;
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?:\\s?([ap])\\.?m\\.?(?![a-z]))?";
    /** A zone as prose writes it: UTC, an offset, a region ("US/Pacific") or an abbreviation. */
    private static final String ZONE = "(UTC|GMT|Z|[+-]\\d{2}:?\\d{2}|[A-Z][A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|[A-Z]{2,5})";
    private static final Pattern AT = Pattern.compile("(?i)\\b(?:at|around|from|since|starting|began|started|between)\\s+"
            + "(?:about\\s+|around\\s+|approximately\\s+|approx\\.?\\s+|~\\s*)?"
            + "(?:(" + DateFinder.MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
            + DateFinder.MONTH + ")(?:,?\\s+(?:19|20)\\d\\d)?,?\\s+(?:at\\s+)?)?"
            + TIME + "(?:\\s*(?:to|until|-|\u2013)\\s*~?\\s*\\d{1,2}:\\d{2}(?:\\s?[ap]\\.?m\\.?)?)?"
            + "\\s*\\(?" + ZONE + "\\b");

    /** The end of an incident in prose: a zoned time after "until", "to", "resolved at"... ("until 19:52 UTC"). */
    private static final Pattern UNTIL = Pattern.compile("(?i)\\b(?:until|till|to|through|ended at|resolved at|"
            + "recovered at|restored at|back at|(?:recovered|resolved|restored|fixed) by|between\\s[^.]{1,80}?\\band)\\s+"
            + "(?:about\\s+|around\\s+|approximately\\s+|~\\s*)?" + TIME
            + "\\s*\\(?" + ZONE + "\\b");

    /**
     * A time found in prose.
     *
     * @param at   the instant
     * @param text the words it was read from
     */
    record Found(Instant at, String text) {
    }

    private ProseTimes() {
    }

    /** Returns the first zoned time in the opening of a text, on its own month and day or else the incident's. */
    static Optional<Found> start(String text, Optional<LocalDate> incidentDate) {
        if (incidentDate.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = AT.matcher(opening(text));
        while (m.find()) {
            Optional<Zoned> z = zoned(m, 4, 7);
            if (z.isEmpty()) {
                continue;
            }
            LocalDate day = incidentDate.get();
            if (m.group(1) != null) {
                day = DateFinder.firstMonthDay(m.group(1), day.getYear()).map(DateFinder.Found::date).orElse(day);
            }
            return Optional.of(new Found(z.get().on(day), m.group().strip()));
        }
        return Optional.empty();
    }

    /**
     * Returns the first zoned time that the opening of a text gives as an end ("until 19:52 UTC", "from around 20:20
     * to 20:46 UTC"), within a day after a start.
     */
    static Optional<Found> end(String text, Instant start) {
        Matcher m = UNTIL.matcher(opening(text));
        while (m.find()) {
            Optional<Zoned> z = zoned(m, 1, 4);
            if (z.isEmpty()) {
                continue;
            }
            Instant at = z.get().on(start.atZone(z.get().zone()).toLocalDate());
            if (!at.isAfter(start)) {
                at = at.plus(java.time.Duration.ofDays(1));
            }
            if (java.time.Duration.between(start, at).compareTo(java.time.Duration.ofDays(1)) < 0) {
                return Optional.of(new Found(at, m.group().strip()));
            }
        }
        return Optional.empty();
    }

    /** A zoned time in prose, maybe followed by its day ("20:31 UTC", "00:12 UTC on 16 Mar 2023"). */
    private static final Pattern MOMENT = Pattern.compile("(?<![\\d:])" + TIME + "\\s*\\(?" + ZONE
            + "\\b(?:\\s+on\\s+((?:\\d{1,2}\\s+" + DateFinder.MONTH + "|" + DateFinder.MONTH
            + "\\s+\\d{1,2})(?:,?\\s+(?:19|20)\\d\\d)?))?");

    /**
     * Returns the zoned times of the opening of a text, each with the words that lead to it (from the time before in
     * its sentence, or from the sentence's start: "Automated monitoring alerted at 20:31 UTC"), in order, each on its own day ("on 16 Mar 2023"), else on the
     * incident's, or the day after when that puts it before the start (a time past midnight).
     */
    static java.util.List<Found> moments(String text, LocalDate incidentDate, Instant start) {
        String opening = opening(text);
        java.util.List<Found> out = new java.util.ArrayList<>();
        Matcher m = MOMENT.matcher(opening);
        int from = 0;
        while (m.find()) {
            Optional<Zoned> z = zoned(m, 1, 4);
            int sentence = Math.max(opening.lastIndexOf(". ", m.start()), opening.lastIndexOf('\n', m.start())) + 1;
            String words = opening.substring(Math.max(from, sentence), m.end()).strip();
            from = m.end();
            if (z.isEmpty()) {
                continue;
            }
            LocalDate day = m.group(5) == null ? incidentDate
                    : DateFinder.firstMonthDay(m.group(5), incidentDate.getYear()).map(DateFinder.Found::date).orElse(incidentDate);
            Instant at = z.get().on(day);
            if (m.group(5) == null && at.isBefore(start)) {
                at = at.plus(java.time.Duration.ofDays(1));
            }
            out.add(new Found(at, words));
        }
        return out;
    }

    /** A time of day in a zone, read from prose. */
    private record Zoned(LocalTime time, ZoneId zone) {
        Instant on(LocalDate day) {
            return day.atTime(time).atZone(zone).toInstant();
        }
    }

    /** Returns the zoned time a match holds: its hour, minute and am/pm from a group on, its zone in another. */
    private static Optional<Zoned> zoned(Matcher m, int time, int zone) {
        Optional<ZoneId> z = zone(m.group(zone));
        return z.flatMap(id -> time(m.group(time), m.group(time + 1), m.group(time + 2)).map(t -> new Zoned(t, id)));
    }

    /** Returns the part of a text that counts as its opening. */
    private static String opening(String text) {
        return text.length() > OPENING_CHARS ? text.substring(0, OPENING_CHARS) : text;
    }

    /** Returns a zone by its name: a region as written ("US/Pacific"), else in capitals ("utc", "Pdt"). */
    private static Optional<ZoneId> zone(String name) {
        return ZoneNames.zone(name.indexOf('/') > 0 ? name : name.toUpperCase(Locale.ROOT));
    }

    private static Optional<LocalTime> time(String h, String min, String ampm) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(min);
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (ampm.equalsIgnoreCase("p") ? 12 : 0);
        }
        return hour > 23 || minute > 59 ? Optional.empty() : Optional.of(LocalTime.of(hour, minute));
    }
}
