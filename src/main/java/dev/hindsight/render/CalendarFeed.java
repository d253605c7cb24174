package dev.hindsight.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar (RFC 5545) document of all-day events: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, and TEXT values with backslash, semicolon, comma and newlines escaped. Nothing comes
 * from the clock: each event's DTSTAMP is a day its caller takes from the build input.
 */
final class CalendarFeed {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The most octets a content line may hold before it is folded (RFC 5545 §3.1). */
    static final int LINE_OCTETS = 75;

    /**
     * One all-day event.
     *
     * @param uid         a globally unique id that stays the same between builds
     * @param day         the day it is on
     * @param stamp       the day given as its DTSTAMP (from the build input, never the clock)
     * @param summary     the one-line title
     * @param description more text, may hold newlines, or ""
     * @param url         an absolute URL, or ""
     */
    record Event(String uid, LocalDate day, LocalDate stamp, String summary, String description, String url) {
    }

    private final StringBuilder sb = new StringBuilder(4096);

    /** Starts a calendar with a name. */
    CalendarFeed(String name) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Hindsight//Action items//EN");
        line("CALSCALE:GREGORIAN");
        // No METHOD: that is for iTIP messages (RFC 5546), whose PUBLISH would require an ORGANIZER, a person.
        line("X-WR-CALNAME:" + text(name));
    }

    /** Returns the document of the events, in the order given. */
    String document(List<Event> events) {
        for (Event e : events) {
            line("BEGIN:VEVENT");
            line("UID:" + text(e.uid()));
            line("DTSTAMP:" + DAY.format(e.stamp()) + "T000000Z");
            line("DTSTART;VALUE=DATE:" + DAY.format(e.day()));
            line("DTEND;VALUE=DATE:" + DAY.format(e.day().plusDays(1)));
            line("SUMMARY:" + text(e.summary()));
            if (!e.description().isEmpty()) {
                line("DESCRIPTION:" + text(e.description()));
            }
            if (!e.url().isEmpty()) {
                line("URL:" + e.url());
            }
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        return sb.toString();
    }

    /** Escapes a TEXT value: backslash, semicolon and comma get a backslash, a line break becomes {@code \n}. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    // Other control characters are not allowed in a content line.
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends a content line, folded so that no physical line holds more than 75 octets. */
    private void line(String content) {
        sb.append(fold(content)).append("\r\n");
    }

    /** Folds a content line: a CRLF and a space before the character that would pass 75 octets. */
    static String fold(String content) {
        StringBuilder out = new StringBuilder(content.length() + 8);
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + n > LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
