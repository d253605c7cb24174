package dev.hindsight.load;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp as written at the start (or, for "key events", the end) of a timeline entry, in its parts.
 *
 * <p>Understood: {@code 09:02}, {@code 9:02 AM}, {@code 09:02:33}, {@code [09:02]}, {@code 09:02 UTC},
 * {@code 2024-03-11 09:02}, {@code 2024-03-11T09:02Z}, {@code 2024-03-11 09:02 +02:00}, {@code 12-05 16:21}
 * (month-day), {@code Jan 14, 10:18 AM}, {@code 14 Jan 2024 10:18}, {@code Feb-07-2022 13:50}, numeric dates whose
 * day order is known ({@code 4/21/23 13:05}, {@code 21.04.2023 13:05}; see {@link DayOrder}), {@code 1305 UTC} and
 * {@code 2pm}, a status-page word before the time ({@code [Update 14:05 UTC]}), a date alone ({@code 2024-03-11},
 * {@code 2019-12-03 --:--}), with an optional leading {@code ~} for "about". Times need a colon
 * ({@code 15.26} is read only after a date), so "1.27 release" or "5 minutes" are not taken for times.
 *
 * @param label    the timestamp as written
 * @param date     a full date, if written
 * @param monthDay a month and day without a year, if written
 * @param time     the time of day, if written
 * @param zone     the zone, if written and understood
 * @param badZone  a zone name that was written but is ambiguous or unknown (empty when none)
 * @param rest     the entry text after the timestamp and its separator
 * @param offset   for a time relative to the incident's start ({@code T+0:12}, {@code T+5m}, {@code T-10 min},
 *                 {@code T0}), how long after the start (negative before it); then there is no date or time of day
 */
record TimeStamp(String label, Optional<LocalDate> date, Optional<MonthDay> monthDay, Optional<LocalTime> time,
                 Optional<ZoneId> zone, String badZone, String rest, Optional<java.time.Duration> offset) {

    /** Creates a stamp of a date or a time of day, not relative to the start. */
    TimeStamp(String label, Optional<LocalDate> date, Optional<MonthDay> monthDay, Optional<LocalTime> time,
              Optional<ZoneId> zone, String badZone, String rest) {
        this(label, date, monthDay, time, zone, badZone, rest, Optional.empty());
    }

    private static final String ISO_DATE = "((?:19|20)\\d\\d)-(\\d{1,2})-(\\d{1,2})";
    private static final String TIME = "(\\d{1,2})[:%s](\\d{2})(?::(\\d{2}))?(?:\\.\\d{1,9})?"
            + "(?:\\s?([ap])\\.?m\\.?(?![a-z]))?";
    private static final String ZONE = "(?:\\s?\\+?(Z(?![A-Za-z])|(?:UTC|GMT)(?:\\s?[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2}"
            + "|\\(?[A-Z]{2,5}\\)?(?![A-Za-z])))?";
    private static final Pattern ISO = Pattern.compile("^" + ISO_DATE + "(?:(?:T|\\s+|,\\s*|\\s+at\\s+)"
            + String.format(Locale.ROOT, TIME, ".") + ZONE + "|\\s+(?:HH:mm|--:--|\\?\\?:\\?\\?|xx:xx))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_NUM = Pattern.compile("^(\\d{2})-(\\d{2})\\s+" + String.format(Locale.ROOT, TIME, ":") + ZONE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED = Pattern.compile("^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?"
            + "(?:" + DateFinder.MONTH + "(?:\\s+|-)(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+|-)" + DateFinder.MONTH
            + ")(?:(?:,?\\s+|-)((?:19|20)\\d\\d))?(?:(?:,?\\s+|\\s+[-\u2013]\\s+)(?:at\\s+)?" + String.format(Locale.ROOT, TIME, ":")
            + ZONE + ")?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile("^" + DayOrder.PARTS + "(?:(?:T|\\s+|,\\s*|\\s+at\\s+)" + String.format(Locale.ROOT, TIME, ":") + ZONE + ")?",
            Pattern.CASE_INSENSITIVE);
    /** A time without a colon: four digits with a zone ("1305 UTC"), or an hour with am/pm ("2pm"). */
    private static final Pattern COMPACT = Pattern.compile("^(?:(\\d{2})(\\d{2})(?=\\s?(?:UTC|GMT|Z)\\b)|(\\d{1,2})(?=\\s?[ap]\\.?m\\b))"
            + "(?:\\s?([ap])\\.?m\\.?(?![a-z]))?" + ZONE, Pattern.CASE_INSENSITIVE);
    /** A preposition before a time that opens an entry ("At 14:02 UTC, the push began", "By 14:45 UTC, ..."). */
    private static final Pattern AT_WORD = Pattern.compile("^(?i:at|by|around|about|approximately|approx\\.)\\s+(?=\\d)");
    /** A status-page word before the time ("[Update 14:05 UTC]", "Resolved - 15:10"), kept in the label. */
    private static final Pattern STATUS_WORD = Pattern.compile("^(update|updated|investigating|identified|monitoring|"
            + "mitigated|resolved|completed|scheduled|in progress)\\s*[:\u2013-]?\\s+(?=\\d)", Pattern.CASE_INSENSITIVE);
    /**
     * A time relative to the incident's start, as some teams write their timelines: {@code T+0:12} (hours and
     * minutes, maybe seconds), {@code T+5m}, {@code T + 1h 35m}, {@code T+90 min}, {@code T-10m} (before the start),
     * {@code T0} or {@code T+0}. Only after a capital T, so "+5" or "t+1" in prose are no stamps.
     */
    private static final Pattern RELATIVE = Pattern.compile("^T\\s?(?:([+\\-\\u2212])\\s?(?:(\\d{1,3}):(\\d{2})(?::(\\d{2}))?"
            + "|(\\d{1,4})\\s?(d|days?|h|hrs?|hours?)(?:\\s?(\\d{1,2})\\s?(m|mins?|minutes?))?"
            + "|(\\d{1,5})\\s?(m|mins?|minutes?|s|secs?|seconds?))|([+-]?0|=\\s?0)(?!:))(?![\\p{L}\\d])");
    private static final Pattern TIME_ONLY = Pattern.compile("^" + String.format(Locale.ROOT, TIME, ":") + ZONE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("^[\\]\\)]?\\s*(?:[-\u2013\u2014:|>,]+|\\.(?=\\s))?\\s*");
    private static final Pattern TRAILING = Pattern.compile("^(.*?)[\\s:,-]+(?:at\\s+|on\\s+)?(" + ISO_DATE
            + "(?:T|\\s+)" + String.format(Locale.ROOT, TIME, ".") + ZONE + ")\\s*\\.?$", Pattern.CASE_INSENSITIVE);

    /** Reads a timestamp at the start of a text; empty when the text does not start with one. */
    static Optional<TimeStamp> leading(String text) {
        return leading(text, DayOrder.UNKNOWN);
    }

    /** Reads a timestamp at the start of a text, a numeric date in a day order. */
    static Optional<TimeStamp> leading(String text, DayOrder order) {
        String t = text.stripLeading();
        int p = 0;
        while (p < t.length() && p < 3 && "~[(\u2248".indexOf(t.charAt(p)) >= 0) {
            p++;
        }
        final int prefix = p;
        String s = t.substring(prefix);
        Matcher status = STATUS_WORD.matcher(s);
        String word = "";
        if (status.find()) {
            word = status.group(1);
            s = s.substring(status.end());
        }
        Matcher m;
        Optional<TimeStamp> found = Optional.empty();
        if ((m = RELATIVE.matcher(s)).find()) {
            found = Optional.of(relative(s, m));
        } else if ((m = ISO.matcher(s)).find()) {
            found = iso(s, m);
        } else if ((m = NUMERIC.matcher(s)).find()) {
            found = numeric(s, m, order);
        } else if ((m = MONTH_DAY_NUM.matcher(s)).find()) {
            found = monthDayNumeric(s, m);
        } else if ((m = NAMED.matcher(s)).find() && (m.group(6) != null || m.group(5) != null)) {
            found = named(s, m);
        } else if ((m = TIME_ONLY.matcher(s)).find()) {
            found = timeOnly(s, m);
        } else if ((m = COMPACT.matcher(s)).find()) {
            found = compact(s, m);
        }
        String statusWord = word;
        // "Resolved 2024-03-11 12:30" alone is a key event with its time at the end: the word is its text.
        return found.filter(f -> statusWord.isEmpty() || !f.rest().isEmpty())
                .map(f -> f.withPrefix(t.substring(0, prefix)).withStatus(statusWord));
    }

    /**
     * Reads a timestamp after the preposition that opens a timeline entry ("At 14:02 UTC, the push began", "By 14:45
     * UTC, ..."). Only a timeline reads it: in prose, "At 4:11 AM UTC on November 24th, ..." opens a story.
     */
    static Optional<TimeStamp> afterPreposition(String text, DayOrder order) {
        String t = text.stripLeading();
        Matcher at = AT_WORD.matcher(t);
        return at.find() ? leading(t.substring(at.end()), order) : Optional.empty();
    }

    /** Reads a full date and time at the end of a text ("First detected: 2023-09-18 13:42"). */
    static Optional<TimeStamp> trailing(String text) {
        Matcher m = TRAILING.matcher(text.strip());
        if (!m.matches() || m.group(1).isBlank()) {
            return Optional.empty();
        }
        Optional<TimeStamp> ts = leading(m.group(2));
        return ts.map(s -> new TimeStamp(s.label, s.date, s.monthDay, s.time, s.zone, s.badZone, m.group(1).strip(), s.offset));
    }

    /** A word before a stamp that closes an entry ("Posted Mar 03, 2023 - 15:41 UTC", as status pages print it). */
    private static final Pattern CLOSING_WORD = Pattern.compile("^\\p{L}{2,12}:?\\s+(?=\\p{L}|\\d)");

    /**
     * Reads a line that is only a date and time, maybe after one word ("Posted Mar 03, 2023 - 15:41 UTC",
     * "Updated: 2023-03-03 15:41 UTC"): the stamp a status page prints below each update. Empty when the line holds
     * more, or lacks the day or the time.
     */
    static Optional<TimeStamp> closing(String line, DayOrder order) {
        String t = line.strip();
        Optional<TimeStamp> whole = leading(t, order).filter(TimeStamp::closes);
        Matcher w = CLOSING_WORD.matcher(t);
        return whole.isPresent() || !w.find() ? whole : leading(t.substring(w.end()), order).filter(TimeStamp::closes);
    }

    private boolean closes() {
        return hasTime() && (date.isPresent() || monthDay.isPresent()) && rest.isBlank();
    }

    /** Returns true when the stamp has a time of day, or a time relative to the incident's start. */
    boolean hasTime() {
        return time.isPresent() || offset.isPresent();
    }

    /** Reads a time relative to the start from a match of {@link #RELATIVE}. */
    private static TimeStamp relative(String s, Matcher m) {
        java.time.Duration d;
        if (m.group(2) != null) {
            d = java.time.Duration.ofHours(Long.parseLong(m.group(2))).plusMinutes(Long.parseLong(m.group(3)))
                    .plusSeconds(m.group(4) == null ? 0 : Long.parseLong(m.group(4)));
        } else if (m.group(5) != null) {
            long n = Long.parseLong(m.group(5));
            d = m.group(6).startsWith("d") ? java.time.Duration.ofDays(n) : java.time.Duration.ofHours(n);
            if (m.group(7) != null) {
                d = d.plusMinutes(Long.parseLong(m.group(7)));
            }
        } else if (m.group(9) != null) {
            long n = Long.parseLong(m.group(9));
            d = m.group(10).startsWith("s") ? java.time.Duration.ofSeconds(n) : java.time.Duration.ofMinutes(n);
        } else {
            d = java.time.Duration.ZERO;
        }
        if (m.group(1) != null && !m.group(1).equals("+")) {
            d = d.negated();
        }
        TimeStamp t = build(s, m, Optional.empty(), Optional.empty(), Optional.empty(), null);
        return new TimeStamp(t.label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", t.rest,
                Optional.of(d));
    }

    private TimeStamp withPrefix(String prefix) {
        return prefix.isEmpty() ? this : new TimeStamp(prefix.replace("[", "").replace("(", "") + label, date, monthDay,
                time, zone, badZone, rest, offset);
    }

    private static Optional<TimeStamp> iso(String s, Matcher m) {
        Optional<LocalDate> date = DateFinder.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (date.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalTime> time = time(m.group(4), m.group(5), m.group(6), m.group(7));
        if (m.group(4) != null && time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(build(s, m, date, Optional.empty(), time, m.group(8)));
    }

    private static Optional<TimeStamp> numeric(String s, Matcher m, DayOrder order) {
        Optional<LocalDate> date = order.read(m);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalTime> time = time(m.group(5), m.group(6), m.group(7), m.group(8));
        if (m.group(5) != null && time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(build(s, m, date, Optional.empty(), time, m.group(9)));
    }

    private static Optional<TimeStamp> monthDayNumeric(String s, Matcher m) {
        int month = Integer.parseInt(m.group(1));
        int day = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12 || day < 1 || day > MonthDay.of(month, 1).getMonth().maxLength()) {
            return Optional.empty();
        }
        Optional<LocalTime> time = time(m.group(3), m.group(4), m.group(5), m.group(6));
        return time.map(t -> build(s, m, Optional.empty(), Optional.of(MonthDay.of(month, day)), Optional.of(t), m.group(7)));
    }

    private static Optional<TimeStamp> named(String s, Matcher m) {
        boolean monthFirst = m.group(1) != null;
        OptionalInt month = DateFinder.month(monthFirst ? m.group(1) : m.group(4));
        int day = Integer.parseInt(monthFirst ? m.group(2) : m.group(3));
        if (month.isEmpty() || day < 1 || day > MonthDay.of(month.getAsInt(), 1).getMonth().maxLength()) {
            return Optional.empty();
        }
        Optional<LocalTime> time = time(m.group(6), m.group(7), m.group(8), m.group(9));
        if (m.group(6) != null && time.isEmpty()) {
            return Optional.empty();
        }
        if (m.group(5) != null) {
            Optional<LocalDate> date = DateFinder.date(Integer.parseInt(m.group(5)), month.getAsInt(), day);
            return date.map(d -> build(s, m, Optional.of(d), Optional.empty(), time, m.group(10)));
        }
        return Optional.of(build(s, m, Optional.empty(), Optional.of(MonthDay.of(month.getAsInt(), day)), time, m.group(10)));
    }

    private static Optional<TimeStamp> compact(String s, Matcher m) {
        String hour = m.group(1) != null ? m.group(1) : m.group(3);
        String minute = m.group(2) != null ? m.group(2) : "00";
        Optional<LocalTime> time = time(hour, minute, null, m.group(4));
        return time.map(t -> build(s, m, Optional.empty(), Optional.empty(), Optional.of(t), m.group(5)));
    }

    /** Puts a status-page word before the label ("Resolved 15:10 UTC"), so the entry still says what it marks. */
    private TimeStamp withStatus(String word) {
        if (word.isEmpty()) {
            return this;
        }
        String w = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
        return new TimeStamp(w + " " + label, date, monthDay, time, zone, badZone, rest, offset);
    }

    private static Optional<TimeStamp> timeOnly(String s, Matcher m) {
        Optional<LocalTime> time = time(m.group(1), m.group(2), m.group(3), m.group(4));
        return time.map(t -> build(s, m, Optional.empty(), Optional.empty(), Optional.of(t), m.group(5)));
    }

    private static TimeStamp build(String s, Matcher m, Optional<LocalDate> date, Optional<MonthDay> monthDay,
                                   Optional<LocalTime> time, String zoneText) {
        Optional<ZoneId> zone = Optional.empty();
        String bad = "";
        int end = m.end();
        if (zoneText != null) {
            String z = zoneText.replace("(", "").replace(")", "").strip();
            zone = ZoneNames.zone(z);
            if (zone.isEmpty()) {
                if (ZoneNames.isAmbiguous(z)) {
                    bad = z;
                } else {
                    // An upper-case word after the time that is not a zone ("09:02 DB failover") belongs to the text.
                    end = m.start(m.groupCount());
                    end = end < 0 ? m.end() : end;
                }
            }
        }
        String label = s.substring(0, end).strip();
        Matcher sep = SEPARATOR.matcher(s.substring(end));
        String rest = s.substring(end);
        if (sep.find()) {
            rest = rest.substring(sep.end());
        }
        if (label.endsWith(")") && !label.contains("(")) {
            label = label.substring(0, label.length() - 1);
        }
        return new TimeStamp(label, date, monthDay, time, zone, bad, rest.strip());
    }

    private static Optional<LocalTime> time(String h, String min, String sec, String ampm) {
        if (h == null) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(min);
        int second = sec == null ? 0 : Integer.parseInt(sec);
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            boolean pm = ampm.equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute, second));
    }
}
