package dev.hindsight.load;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads time-zone names as authors write them next to times: {@code UTC}, {@code Z}, {@code +02:00},
 * {@code UTC-7}, region ids like {@code Europe/Copenhagen}, and common abbreviations.
 *
 * <p>An abbreviation stands for a fixed offset ({@code CET} is +01:00, {@code PDT} is -07:00), except
 * {@code PT}, {@code ET}, {@code CT} and {@code MT}, which follow the region's daylight saving time.
 * Abbreviations that mean different offsets in different countries ({@code CST}, {@code IST}, {@code AST})
 * are not read: a time written with one stays unresolved and is reported, rather than guessed.
 */
final class ZoneNames {
    private static final Map<String, ZoneId> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.UTC), Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("EST", ZoneOffset.ofHours(-5)),
            Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)), Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("SGT", ZoneOffset.ofHours(8)), Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11)), Map.entry("NZST", ZoneOffset.ofHours(12)),
            Map.entry("NZDT", ZoneOffset.ofHours(13)),
            Map.entry("PT", ZoneId.of("America/Los_Angeles")), Map.entry("MT", ZoneId.of("America/Denver")),
            Map.entry("CT", ZoneId.of("America/Chicago")), Map.entry("ET", ZoneId.of("America/New_York")));

    /** Abbreviations that are in use for more than one offset. */
    static final java.util.Set<String> AMBIGUOUS = java.util.Set.of("CST", "IST", "AST", "BT", "ADT", "SST");

    private static final Pattern OFFSET = Pattern.compile("(?:UTC|GMT)?\\s?([+-])(\\d{1,2})(?::?(\\d{2}))?");
    private static final Pattern REGION = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?");
    private static final Pattern HEADING_REMARK = Pattern.compile("(?:\\(([^()]*)\\)|\\s[-\u2013\u2014]\\s+(.*))\\s*$");
    private static final Pattern TIMES = Pattern.compile("(?i)\\b(times?|timestamps?)\\b");
    private static final Pattern TOKEN = Pattern.compile(
            "[A-Z][A-Za-z]+/[A-Za-z_]+|(?:UTC|GMT)[+-]\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|[A-Za-z]+");

    private ZoneNames() {
    }

    /** Reads a zone name; empty when it is not a zone or is ambiguous. */
    static Optional<ZoneId> zone(String name) {
        String n = name.strip();
        if (n.isEmpty()) {
            return Optional.empty();
        }
        ZoneId z = ABBREVIATIONS.get(n.toUpperCase(java.util.Locale.ROOT).equals("UTC") ? "UTC" : n);
        if (z != null) {
            return Optional.of(z);
        }
        Matcher m = OFFSET.matcher(n);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (hours > 14 || minutes > 59) {
                return Optional.empty();
            }
            int sign = m.group(1).equals("-") ? -1 : 1;
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        }
        if (REGION.matcher(n).matches()) {
            try {
                return Optional.of(ZoneId.of(n));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Returns true when a name is an abbreviation this class refuses because it is ambiguous. */
    static boolean isAmbiguous(String name) {
        return AMBIGUOUS.contains(name.strip());
    }

    /**
     * Finds the zone a sentence sets for the times around it: "All times in UTC", "Time (PDT)",
     * "Date and Time in CET", "All times PDT (UTC-7)".
     */
    static Optional<ZoneId> fromContext(String text) {
        Matcher m = TIMES.matcher(text);
        while (m.find()) {
            int end = Math.min(text.length(), m.end() + 50);
            int newline = text.indexOf('\n', m.end());
            if (newline >= 0 && newline < end) {
                end = newline;
            }
            Matcher t = TOKEN.matcher(text.substring(m.end(), end));
            while (t.find()) {
                Optional<ZoneId> z = zone(t.group());
                if (z.isPresent()) {
                    return z;
                }
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern TRAILING_OFFSET =
            java.util.regex.Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s?([+-])(\\d{2}):?(\\d{2})$");

    /**
     * Returns the UTC offset a written moment ends with ({@code 2021-06-01 14:02:00 +0200}, {@code ...T09:02-07:00});
     * empty for a moment in UTC ({@code Z}) or without an offset.
     */
    static Optional<ZoneId> offsetOf(String moment) {
        java.util.regex.Matcher m = TRAILING_OFFSET.matcher(moment.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        int seconds = (Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3))) * 60;
        if (seconds == 0 || seconds > 18 * 3600) {
            return Optional.empty();
        }
        return Optional.of(java.time.ZoneOffset.ofTotalSeconds(m.group(1).equals("-") ? -seconds : seconds));
    }

    /**
     * Finds the zone a section heading states for the times below it: in a remark ("Timeline (PST)",
     * "Timeline (all times CEST)") or after a dash ("Issue Timeline - UTC"), or in a sentence about times.
     */
    static Optional<ZoneId> fromHeading(String heading) {
        Matcher remark = HEADING_REMARK.matcher(heading);
        if (remark.find()) {
            Matcher t = TOKEN.matcher(remark.group(1) != null ? remark.group(1) : remark.group(2));
            while (t.find()) {
                Optional<ZoneId> z = zone(t.group());
                if (z.isPresent()) {
                    return z;
                }
            }
        }
        return fromContext(heading);
    }
}
