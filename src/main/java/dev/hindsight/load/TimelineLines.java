package dev.hindsight.load;

import dev.hindsight.model.TimelineEvent;

import java.util.ArrayList;
import java.util.List;

/** The text a timeline is read from, line by line, and the order its events are returned in. */
final class TimelineLines {
    private TimelineLines() {
    }

    /** One source line as text: without emphasis markers, code ticks and a trailing hard-break backslash. */
    static String plain(String raw) {
        return raw.replaceAll("\\\\\\s*$", "").replace("**", "").replace("__", "").replace("`", "").strip();
    }

    /**
     * Returns when a paragraph was posted, when it ends with the line that says so ("Posted Mar 03, 2023 - 15:41 UTC",
     * as a status page prints each update below its text).
     */
    static java.util.Optional<TimeStamp> posted(com.vladsch.flexmark.ast.Paragraph p, DayOrder order) {
        String[] lines = p.getChars().toString().strip().split("\n");
        return lines.length < 2 ? java.util.Optional.empty()
                : TimeStamp.closing(plain(lines[lines.length - 1]).replace("*", ""), order);
    }

    /** Returns the rows of the HTML tables in a block, each row's cells joined by spaces; none when it has no table. */
    static String[] htmlRows(String html) {
        if (!html.toLowerCase(java.util.Locale.ROOT).contains("<tr")) {
            return new String[0];
        }
        return org.jsoup.Jsoup.parseBodyFragment(html).select("tr").stream()
                .map(tr -> String.join(" ", tr.select("td").eachText()).strip()).filter(t -> !t.isEmpty())
                .toArray(String[]::new);
    }

    /**
     * Returns events oldest first: a timeline written newest first (as a status page lists its updates), whose placed
     * times only go back, is turned round; any other is returned as it is.
     */
    static List<TimelineEvent> oldestFirst(List<TimelineEvent> events) {
        List<java.time.Instant> at = events.stream().flatMap(e -> e.at().stream()).toList();
        boolean newestFirst = at.size() >= 2 && at.get(0).isAfter(at.get(at.size() - 1));
        for (int i = 1; i < at.size() && newestFirst; i++) {
            newestFirst = !at.get(i).isAfter(at.get(i - 1));
        }
        if (!newestFirst) {
            return List.copyOf(events);
        }
        List<TimelineEvent> oldestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }
}
