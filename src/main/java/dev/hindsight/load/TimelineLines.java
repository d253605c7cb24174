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
