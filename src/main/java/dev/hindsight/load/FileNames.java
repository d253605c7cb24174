package dev.hindsight.load;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a postmortem's file name says: a date ({@code 2024-03-11-checkout-pool}), only a year or a month
 * ({@code PM2021-008 - ...} gives 2021, {@code jan-2019-dns-outage} gives January 2019), and a readable title
 * ({@code PM2021-008 - Kubernetes ingress ...} gives "Kubernetes ingress ...", {@code 2024-02-28-decide is down}
 * gives "Decide is down").
 */
final class FileNames {
    private static final Pattern DATE_PREFIX = Pattern.compile("^((?:19|20)\\d\\d)-(\\d{2})-(\\d{2})(?:$|[-_ .T])");
    private static final Pattern ID_PREFIX = Pattern.compile("^[A-Za-z]{1,6}[-_ ]?((?:19|20)\\d\\d)[-_](\\d{1,4})(?=$|[\\s_:-])\\s*[-\u2013\u2014:_]*\\s*");
    private static final Pattern TICKET_PREFIX = Pattern.compile("^[A-Z]{2,8}-\\d{1,6}\\s*[-\u2013\u2014:_]+\\s*");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?i)(?:^|[-_ ])" + DateFinder.MONTH + "[-_ ]((?:19|20)\\d\\d)(?=$|[-_ ])");
    private static final Pattern YEAR_MONTH = Pattern.compile("^((?:19|20)\\d\\d)-(\\d{2})(?:$|[-_ ])");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)");

    /**
     * What a name says about the date.
     *
     * @param date  a full date
     * @param year  a year, when that is all it says (or with a month)
     * @param month a month, with a year
     */
    record DateHint(Optional<LocalDate> date, OptionalInt year, OptionalInt month) {
        static final DateHint NONE = new DateHint(Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    private FileNames() {
    }

    /** Reads the date hint of a file or folder name without extension. */
    static DateHint date(String stem) {
        Matcher m = DATE_PREFIX.matcher(stem);
        if (m.find()) {
            Optional<LocalDate> d = DateFinder.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (d.isPresent()) {
                return new DateHint(d, OptionalInt.empty(), OptionalInt.empty());
            }
        }
        m = YEAR_MONTH.matcher(stem);
        if (m.find() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            return new DateHint(Optional.empty(), OptionalInt.of(Integer.parseInt(m.group(1))),
                    OptionalInt.of(Integer.parseInt(m.group(2))));
        }
        m = MONTH_YEAR.matcher(stem);
        if (m.find()) {
            return new DateHint(Optional.empty(), OptionalInt.of(Integer.parseInt(m.group(2))), DateFinder.month(m.group(1)));
        }
        m = ID_PREFIX.matcher(stem);
        if (m.find()) {
            return new DateHint(Optional.empty(), OptionalInt.of(Integer.parseInt(m.group(1))), OptionalInt.empty());
        }
        m = YEAR.matcher(stem);
        if (m.find()) {
            return new DateHint(Optional.empty(), OptionalInt.of(Integer.parseInt(m.group(1))), OptionalInt.empty());
        }
        return DateHint.NONE;
    }

    /** Returns a readable title from a file or folder name without extension. */
    static String title(String stem) {
        String t = stem.strip();
        Matcher date = DATE_PREFIX.matcher(t);
        if (date.find()) {
            t = t.substring(date.end());
        }
        t = ID_PREFIX.matcher(t).replaceFirst("");
        t = TICKET_PREFIX.matcher(t).replaceFirst("");
        if (!t.contains(" ")) {
            t = t.replace('-', ' ').replace('_', ' ');
        }
        t = t.replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) {
            t = stem.strip().isEmpty() ? "Untitled incident" : date.find(0) ? "Incident on " + stem.substring(0, 10) : stem.strip();
        }
        return t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
