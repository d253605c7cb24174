package dev.hindsight.load;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a postmortem's file name and folders say: a date ({@code 2024-03-11-checkout-pool},
 * {@code 20240311_checkout}, {@code 11-03-2024 checkout} once the day order is known, {@code 2023-04/04-25-dns},
 * {@code 2023/04/25-dns}), only a year or a month
 * ({@code PM2021-008 - ...} gives 2021, {@code jan-2019-dns-outage} gives January 2019), and a readable title
 * ({@code PM2021-008 - Kubernetes ingress ...} gives "Kubernetes ingress ...", {@code 2024-02-28-decide is down}
 * gives "Decide is down").
 */
final class FileNames {
    private static final Pattern DATE_PREFIX = Pattern.compile("^((?:19|20)\\d\\d)-(\\d{2})-(\\d{2})(?:$|[-_ .T])");
    private static final Pattern COMPACT_PREFIX = Pattern.compile("^((?:19|20)\\d\\d)(\\d{2})(\\d{2})(?:$|[-_ .T])");
    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^(\\d{1,2})([-_.])(\\d{1,2})\\2((?:19|20)\\d\\d)(?:$|[-_ .])");
    private static final Pattern MONTH_DAY_PREFIX = Pattern.compile("^(\\d{2})[-_](\\d{2})(?:$|[-_ .])");
    private static final Pattern DAY_PREFIX = Pattern.compile("^(\\d{1,2})(?:$|[-_ .])");
    private static final Pattern YEAR_FOLDER = Pattern.compile("^((?:19|20)\\d\\d)$");
    private static final Pattern MONTH_FOLDER = Pattern.compile("^(\\d{1,2})$");
    private static final Pattern YEAR_MONTH_FOLDER = Pattern.compile("^((?:19|20)\\d\\d)[-_](\\d{1,2})$");
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

        /** Returns the month it gives, on its own or as part of a full date. */
        OptionalInt anyMonth() {
            return month.isPresent() ? month : date.map(d -> OptionalInt.of(d.getMonthValue())).orElse(OptionalInt.empty());
        }
    }

    private FileNames() {
    }

    /**
     * Reads the date hint of a file's path: its name first, then its folders ({@code 2023/}, {@code 2023-04/},
     * {@code 2023/04/}) with a name that gives only the day or the month and day.
     *
     * @param path  the content-relative path, '/' separated
     * @param stem  the file name without extension, or the bundle folder name
     * @param order the day order of numeric dates, as far as it is known
     */
    static DateHint date(String path, String stem, DayOrder order) {
        DateHint folder = folders(path, stem);
        DateHint own = date(stem, order, folder.anyMonth());
        if (own.date().isPresent()) {
            return own;
        }
        if (folder.date().isPresent() || own.year().isEmpty() && folder.year().isPresent()) {
            return folder;
        }
        return own;
    }

    /** Reads the date hint of a file or folder name without extension. */
    static DateHint date(String stem) {
        return date(stem, DayOrder.UNKNOWN, OptionalInt.empty());
    }

    /**
     * Reads the date hint of a file or folder name without extension, numeric dates in an order; a month known from
     * the folders settles a numeric name the order leaves open ({@code 04-03-2026} in {@code 2026/03/}).
     */
    static DateHint date(String stem, DayOrder order, OptionalInt folderMonth) {
        for (Pattern p : new Pattern[] {DATE_PREFIX, COMPACT_PREFIX}) {
            Matcher m = p.matcher(stem);
            if (m.find()) {
                Optional<LocalDate> d = DateFinder.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (d.isPresent()) {
                    return new DateHint(d, OptionalInt.empty(), OptionalInt.empty());
                }
            }
        }
        Matcher n = NUMERIC_PREFIX.matcher(stem);
        if (n.find()) {
            Matcher full = DayOrder.NUMERIC.matcher(n.group(1) + "/" + n.group(3) + "/" + n.group(4));
            Optional<LocalDate> d = full.find() ? order.read(full) : Optional.empty();
            if (d.isEmpty() && folderMonth.isPresent()) {
                d = Stream.of(DayOrder.MONTH_FIRST, DayOrder.DAY_FIRST).map(o -> o.read(full))
                        .flatMap(Optional::stream).filter(x -> x.getMonthValue() == folderMonth.getAsInt()).findFirst();
            }
            if (d.isPresent()) {
                return new DateHint(d, OptionalInt.empty(), OptionalInt.empty());
            }
            return new DateHint(Optional.empty(), OptionalInt.of(Integer.parseInt(n.group(4))), OptionalInt.empty());
        }
        Matcher m = YEAR_MONTH.matcher(stem);
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

    /** Reads the year (and month) of the folders a file is in, and the day its name adds to them. */
    static DateHint folders(String path, String stem) {
        String[] parts = path.split("/");
        OptionalInt year = OptionalInt.empty();
        OptionalInt month = OptionalInt.empty();
        for (int i = 0; i < parts.length - 1; i++) {
            Matcher y = YEAR_FOLDER.matcher(parts[i]);
            Matcher ym = YEAR_MONTH_FOLDER.matcher(parts[i]);
            Matcher mo = MONTH_FOLDER.matcher(parts[i]);
            if (ym.matches() && validMonth(ym.group(2))) {
                year = OptionalInt.of(Integer.parseInt(ym.group(1)));
                month = OptionalInt.of(Integer.parseInt(ym.group(2)));
            } else if (y.matches()) {
                year = OptionalInt.of(Integer.parseInt(y.group(1)));
                month = OptionalInt.empty();
            } else if (mo.matches() && year.isPresent() && validMonth(mo.group(1)) && month.isEmpty()) {
                month = OptionalInt.of(Integer.parseInt(mo.group(1)));
            }
        }
        if (year.isEmpty() || month.isEmpty()) {
            return new DateHint(Optional.empty(), year, OptionalInt.empty());
        }
        Matcher md = MONTH_DAY_PREFIX.matcher(stem);
        Matcher d = DAY_PREFIX.matcher(stem);
        Optional<LocalDate> day = Optional.empty();
        if (md.find() && Integer.parseInt(md.group(1)) == month.getAsInt()) {
            day = DateFinder.date(year.getAsInt(), month.getAsInt(), Integer.parseInt(md.group(2)));
        } else if (d.find()) {
            day = DateFinder.date(year.getAsInt(), month.getAsInt(), Integer.parseInt(d.group(1)));
        }
        return day.map(x -> new DateHint(Optional.of(x), OptionalInt.empty(), OptionalInt.empty()))
                .orElse(new DateHint(Optional.empty(), year, month));
    }

    private static boolean validMonth(String m) {
        int v = Integer.parseInt(m);
        return v >= 1 && v <= 12;
    }

    /** Returns a readable title from a file or folder name without extension. */
    static String title(String stem) {
        String t = stem.strip();
        Matcher date = DATE_PREFIX.matcher(t);
        for (Pattern p : new Pattern[] {DATE_PREFIX, COMPACT_PREFIX, NUMERIC_PREFIX}) {
            Matcher pm = p.matcher(t);
            if (pm.find()) {
                t = t.substring(pm.end());
                break;
            }
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
