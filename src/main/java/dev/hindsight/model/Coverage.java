package dev.hindsight.model;

import java.util.List;
import java.util.Locale;

/**
 * How much of the usual structure the build found across the incidents: the share with a date, a summary, a timeline
 * of at least two entries, a start time and at least one action item (written or inferred alike). The build prints it
 * as one line and incidents.json carries it, so a team pointing Hindsight at its collection sees what was read.
 *
 * @param incidents   incidents built
 * @param date        incidents with a date
 * @param summary     with a summary
 * @param timeline    with a timeline of at least two entries
 * @param start       with a start time
 * @param actionItems with at least one action item
 */
public record Coverage(int incidents, int date, int summary, int timeline, int start, int actionItems) {

    /** Counts what the incidents have. */
    public static Coverage of(List<Postmortem> incidents) {
        Validate.notNull(incidents, "incidents");
        int date = 0;
        int summary = 0;
        int timeline = 0;
        int start = 0;
        int items = 0;
        for (Postmortem p : incidents) {
            date += p.date().isPresent() ? 1 : 0;
            summary += p.summary().filter(s -> !s.isBlank()).isPresent() ? 1 : 0;
            timeline += p.timeline().size() >= 2 ? 1 : 0;
            start += p.times().started().isPresent() ? 1 : 0;
            items += p.actionItems().isEmpty() ? 0 : 1;
        }
        return new Coverage(incidents.size(), date, summary, timeline, start, items);
    }

    /** Returns the share of incidents with a count, as a whole percentage (0 when there are no incidents). */
    public int percent(int count) {
        return incidents == 0 ? 0 : (int) Math.round(100.0 * count / incidents);
    }

    /** Returns "found: date 100%, summary 97%, timeline 88%, start time 85%, action items 60%". */
    public String line() {
        return String.format(Locale.ROOT, "found: date %d%%, summary %d%%, timeline %d%%, start time %d%%, action items %d%%",
                percent(date), percent(summary), percent(timeline), percent(start), percent(actionItems));
    }
}
