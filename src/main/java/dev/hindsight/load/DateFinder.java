package dev.hindsight.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates in prose: {@code 2024-03-11}, {@code 2024/03/11}, {@code 29 November 2019},
 * {@code Monday 7 January 2019}, {@code January 23rd, 2019}, {@code September 29, 2025},
 * {@code January 14-19, 2026} (the first day), {@code Feb-07-2022}, {@code 07-Feb-2022}, and numeric dates whose
 * order is known ({@link DayOrder}: {@code 4/21/23}, or {@code 03/04/2024} once the file or collection shows
 * which part is the month). A month and day without a year ({@code Feb 20}, {@code 20th of February}) is found
 * separately, for when the year is known from elsewhere.
 */
final class DateFinder {
    /**
     * A date found in a text.
     *
     * @param date  the date
     * @param start where its text starts
     * @param end   where its text ends
     * @param text  the text as written
     */
    record Found(LocalDate date, int start, int end, String text) {
    }

    static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Pattern ISO = Pattern.compile("(?<![\\d/-])((?:19|20)\\d\\d)([-/])(\\d{1,2})\\2(\\d{1,2})(?![\\d/-])");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)(?<![\\w])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?|-)" + MONTH + "(?:,?\\s+|-)((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)(?<![\\w])" + MONTH + "(?:\\s+|-)(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-\u2013]\\s*\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+|-)((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern DAY_MONTH_NO_YEAR = Pattern.compile(
            "(?i)(?<![\\w])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?![\\w])(?!,?\\s+\\d)");
    private static final Pattern MONTH_DAY_NO_YEAR = Pattern.compile(
            "(?i)(?<![\\w])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\w:])(?!,?\\s+(?:19|20)\\d\\d)");
    private static final Pattern MALFORMED_YEAR = Pattern.compile("(?<!\\d)(\\d{5})-(\\d{2})-(\\d{2})(?!\\d)");

    private DateFinder() {
    }

    /** Returns the first date in a text, by position, reading numeric dates only when they prove their order. */
    static Optional<Found> first(String text) {
        return first(text, DayOrder.UNKNOWN);
    }

    /** Returns the first date in a text, by position, reading numeric dates in an order. */
    static Optional<Found> first(String text, DayOrder order) {
        Found best = null;
        for (Pattern p : new Pattern[] {ISO, DAY_MONTH, MONTH_DAY, DayOrder.NUMERIC}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (best != null && m.start() >= best.start()) {
                    break;
                }
                Optional<LocalDate> d = p == DayOrder.NUMERIC ? order.read(m) : toDate(p, m);
                if (d.isPresent()) {
                    best = new Found(d.get(), m.start(), m.end(), m.group());
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns the first month and day without a year in a text, by position, on a year given from elsewhere; the
     * month must be capitalised.
     */
    static Optional<Found> firstMonthDay(String text, int year) {
        Found best = null;
        for (Pattern p : new Pattern[] {MONTH_DAY_NO_YEAR, DAY_MONTH_NO_YEAR}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (best != null && m.start() >= best.start()) {
                    break;
                }
                boolean monthFirst = p == MONTH_DAY_NO_YEAR;
                if (!Character.isUpperCase(m.group(monthFirst ? 1 : 2).charAt(0))) {
                    continue;  // without a year, only a capitalised month is one: "we may 5 times retry" is not May 5
                }
                int day = Integer.parseInt(m.group(monthFirst ? 2 : 1));
                Optional<LocalDate> d = date(year, month(m.group(monthFirst ? 1 : 2)).orElse(0), day);
                if (d.isPresent()) {
                    best = new Found(d.get(), m.start(), m.end(), m.group());
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns the first numeric date in a text whose order cannot be told, for a message that says so. */
    static Optional<String> firstAmbiguous(String text) {
        Matcher m = DayOrder.NUMERIC.matcher(text);
        while (m.find()) {
            if (DayOrder.tally(m.group()).ambiguous() > 0) {
                return Optional.of("'" + m.group() + "' could be " + DayOrder.readings(m));
            }
        }
        return Optional.empty();
    }

    /** Returns the first date in a text that falls in a year (and month, when given). */
    static Optional<Found> firstIn(String text, int year, OptionalInt month) {
        return firstIn(text, year, month, DayOrder.UNKNOWN);
    }

    /** Returns the first date in a text that falls in a year (and month, when given), numeric ones in an order. */
    static Optional<Found> firstIn(String text, int year, OptionalInt month, DayOrder order) {
        int from = 0;
        while (from < text.length()) {
            Optional<Found> f = first(text.substring(from), order);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            Found found = f.get();
            LocalDate d = found.date();
            if (d.getYear() == year && (month.isEmpty() || d.getMonthValue() == month.getAsInt())) {
                return Optional.of(new Found(d, found.start() + from, found.end() + from, found.text()));
            }
            from += found.end();
        }
        return Optional.empty();
    }

    /**
     * Finds a date whose year has a stray digit ("20202-01-16") when the year is known from elsewhere
     * and the written year starts with it.
     */
    static Optional<Found> malformedYear(String text, int year) {
        Matcher m = MALFORMED_YEAR.matcher(text);
        while (m.find()) {
            if (m.group(1).startsWith(Integer.toString(year))) {
                try {
                    LocalDate d = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    return Optional.of(new Found(d, m.start(), m.end(), m.group()));
                } catch (DateTimeException e) {
                    continue;
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the month number for an English month name or abbreviation. */
    static OptionalInt month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Integer v = n.length() >= 3 ? MONTHS.get(n.substring(0, 3)) : null;
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Makes a date from parts, or empty when they do not form a real date. */
    static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> toDate(Pattern p, Matcher m) {
        if (p == ISO) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        }
        if (p == DAY_MONTH) {
            return date(Integer.parseInt(m.group(3)), month(m.group(2)).orElse(0), Integer.parseInt(m.group(1)));
        }
        return date(Integer.parseInt(m.group(3)), month(m.group(1)).orElse(0), Integer.parseInt(m.group(2)));
    }
}
