package dev.hindsight.load;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part comes first in a numeric date such as {@code 04/05/2023}: the month (as in the US) or the day (as in
 * most other places). A date with a part over 12 ({@code 4/21/23}, {@code 21.04.2023}) proves its order; the
 * others are read only once the order is known from the same file, else from the collection, and are otherwise
 * ambiguous and not read.
 *
 * <p>Written forms: {@code M/D/YY}, {@code M/D/YYYY}, and with {@code -} or {@code .} between the parts only with
 * a four-digit year ({@code 11-01-2026}, {@code 21.04.2023}), so version numbers and ranges are not read as dates.
 */
enum DayOrder {
    MONTH_FIRST, DAY_FIRST, UNKNOWN;

    /** How close to the incident's day a reading must fall to decide the order by nearness. */
    static final int NEAR_DAYS = 7;
    /** A numeric date's parts (groups 1 to 4): two of one or two digits and a year, with one separator. */
    static final String PARTS = "(\\d{1,2})([/.-])(\\d{1,2})\\2((?:19|20)\\d\\d|\\d\\d)(?![\\d/]|[.-]\\d)";
    /** A numeric date in running text. */
    static final Pattern NUMERIC = Pattern.compile("(?<![\\d/.-])" + PARTS);

    /**
     * How often a text proves each order.
     *
     * @param monthFirst dates with a second part over 12
     * @param dayFirst   dates with a first part over 12
     * @param ambiguous  dates whose order cannot be told from the date alone
     */
    record Tally(int monthFirst, int dayFirst, int ambiguous) {
        static final Tally NONE = new Tally(0, 0, 0);

        /** Returns the order most dates prove, or UNKNOWN on a tie or with none. */
        DayOrder order() {
            return monthFirst > dayFirst ? MONTH_FIRST : dayFirst > monthFirst ? DAY_FIRST : UNKNOWN;
        }

        /** Adds another tally. */
        Tally plus(Tally o) {
            return new Tally(monthFirst + o.monthFirst, dayFirst + o.dayFirst, ambiguous + o.ambiguous);
        }
    }

    /**
     * The numeric dates of a text, one after another, as {@code NUMERIC.matcher(text).find()} finds them. The pattern
     * is tried only where a date can start, on a run of one or two digits followed by a separator: trying it at
     * every position of a body, as {@code find()} does, was most of the time spent reading dates.
     */
    static final class Scan {
        private final CharSequence text;
        private final Matcher m;
        private int at;

        Scan(CharSequence text) {
            this.text = text;
            this.m = NUMERIC.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }

        /** Moves to the next date; its parts are then the groups of {@link #matcher()}. */
        boolean find() {
            int n = text.length();
            int p = at;
            while (p < n) {
                if (!digit(text.charAt(p)) || p > 0 && "0123456789/.-".indexOf(text.charAt(p - 1)) >= 0) {
                    p++;
                    continue;
                }
                int q = p;
                while (q < n && digit(text.charAt(q))) {
                    q++;
                }
                if (q - p <= 2 && q < n && "/.-".indexOf(text.charAt(q)) >= 0) {
                    m.region(p, n);
                    if (m.lookingAt()) {
                        at = m.end();
                        return true;
                    }
                }
                // No date starts inside a run of digits: the next try is after it.
                p = q;
            }
            at = n;
            return false;
        }

        /** Returns the matcher, holding the date found last. */
        Matcher matcher() {
            return m;
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** Counts the numeric dates of a text by the order they prove. */
    static Tally tally(String text) {
        int mf = 0;
        int df = 0;
        int amb = 0;
        Scan scan = new Scan(text);
        Matcher m = scan.matcher();
        while (scan.find()) {
            if (!written(m)) {
                continue;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int y = year(m.group(4));
            boolean asMonthFirst = DateFinder.date(y, a, b).isPresent();
            boolean asDayFirst = DateFinder.date(y, b, a).isPresent();
            if (asMonthFirst && asDayFirst && a != b) {
                amb++;
            } else if (asMonthFirst && a != b) {
                mf++;
            } else if (asDayFirst && a != b) {
                df++;
            }
        }
        return new Tally(mf, df, amb);
    }

    /**
     * Returns the order that puts a text's ambiguous dates near an incident's day: a reading within
     * {@value #NEAR_DAYS} days of it, when the other reading is not, votes for its order.
     */
    static DayOrder near(String text, LocalDate day) {
        int mf = 0;
        int df = 0;
        Scan scan = new Scan(text);
        Matcher m = scan.matcher();
        while (scan.find()) {
            Optional<LocalDate> a = MONTH_FIRST.read(m);
            Optional<LocalDate> b = DAY_FIRST.read(m);
            boolean nearA = a.filter(d -> Math.abs(d.toEpochDay() - day.toEpochDay()) <= NEAR_DAYS).isPresent();
            boolean nearB = b.filter(d -> Math.abs(d.toEpochDay() - day.toEpochDay()) <= NEAR_DAYS).isPresent();
            mf += nearA && !nearB ? 1 : 0;
            df += nearB && !nearA ? 1 : 0;
        }
        return new Tally(mf, df, 0).order();
    }

    /** Reads one match of {@link #NUMERIC} in this order; empty when it is no date or the order cannot be told. */
    Optional<LocalDate> read(Matcher m) {
        if (!written(m)) {
            return Optional.empty();
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        int y = year(m.group(4));
        Optional<LocalDate> monthFirst = DateFinder.date(y, a, b);
        Optional<LocalDate> dayFirst = DateFinder.date(y, b, a);
        if (monthFirst.isPresent() && dayFirst.isPresent() && a != b) {
            return this == MONTH_FIRST ? monthFirst : this == DAY_FIRST ? dayFirst : Optional.empty();
        }
        return monthFirst.or(() -> dayFirst);
    }

    /** Returns the second part's meaning, for messages ("4 May or 5 April"). */
    static String readings(Matcher m) {
        int y = year(m.group(4));
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        return DateFinder.date(y, a, b).map(LocalDate::toString).orElse("?") + " (month first) or "
                + DateFinder.date(y, b, a).map(LocalDate::toString).orElse("?") + " (day first)";
    }

    /** Two-digit years only with slashes: "4/21/23" is a date, "4-21-23" could be anything. */
    private static boolean written(Matcher m) {
        return m.group(4).length() == 4 || m.group(2).equals("/");
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 4 ? v : v < 70 ? 2000 + v : 1900 + v;
    }
}
