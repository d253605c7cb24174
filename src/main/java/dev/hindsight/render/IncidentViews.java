package dev.hindsight.render;

import java.util.List;

/**
 * The small read-only views the incident template shows, each with its values already formatted.
 */
public final class IncidentViews {
    private IncidentViews() {
    }

    /**
     * One duration in the page header.
     *
     * @param abbr     "TTD", "TTM" or "TTR"
     * @param label    "Time to detect"...
     * @param value    "45 min", or "unknown"
     * @param known    false when a timestamp is missing
     * @param inferred true when a timestamp it uses was inferred (from the timeline)
     * @param missing  which timestamps are missing, for the tooltip ("detected"), or ""
     */
    public record DurationView(String abbr, String label, String value, boolean known, boolean inferred, String missing) {
    }

    /**
     * A labelled fact (impact, trigger, detection).
     *
     * @param label the label
     * @param value the value as text
     */
    public record Fact(String label, String value) {
    }

    /**
     * One key moment of the incident.
     *
     * @param label    "Started", "Detected"...
     * @param datetime the ISO instant, for {@code <time datetime>}
     * @param display  the moment in the site's time zone
     * @param inferred true when it was inferred
     */
    public record Moment(String label, String datetime, String display, boolean inferred) {
    }

    /**
     * One timeline event.
     *
     * @param time     the time to show in the aligned column ("09:02", or the label as written)
     * @param day      the day, shown when it changes from the previous event; else ""
     * @param datetime the ISO instant for {@code <time datetime>}, or "" when unknown
     * @param label    the time as the author wrote it
     * @param html     the event, sanitized inline HTML
     * @param marker   "started", "detected", "mitigated" or "resolved" when the event is that moment; else ""
     */
    public record TimelineRow(String time, String day, String datetime, String label, String html, String marker) {
    }

    /**
     * One action item row.
     *
     * @param title       what is to be done
     * @param type        its type id
     * @param owner       owner, or ""
     * @param due         due day ISO, or ""
     * @param status      status id (open, in-progress, done, wont-do, unknown)
     * @param statusLabel status for people
     * @param overdue     open and past due
     * @param overdueDays days past due when overdue
     * @param closed      closing day ISO, or ""
     * @param link        tracker URL (http/https only), or ""
     * @param outcome     what it did, for people ("Helped — no pool exhaustion since"), or ""
     */
    public record ActionRow(String title, String type, String owner, String due, String status, String statusLabel,
                            boolean overdue, long overdueDays, String closed, String link, String outcome) {
    }

    /**
     * A similar incident with the reason it is similar.
     *
     * @param incident the incident
     * @param reason   why, as one line, less what every incident of the list shares ({@link SimilarList#shared})
     */
    public record SimilarView(IncidentCard incident, String reason) {
    }

    /**
     * The incidents similar to one, and what all of them share with it, said once above the list rather than on
     * every line (on a collection's typical page, the five lines each repeated the same cause and service).
     *
     * @param items  the incidents, most similar first
     * @param shared the reason's parts every item has, joined as one line, or "" (always "" for a single item)
     */
    public record SimilarList(List<SimilarView> items, String shared) {
        public SimilarList {
            items = List.copyOf(items);
        }
    }

    /**
     * A cause (or declared chain) this incident shares with others.
     *
     * @param title   "Cause: Config change" or "Declared recurrence chain"
     * @param path    the term page of the cause, or ""
     * @param entries the incidents of the chain, oldest first, this one included
     * @param more    how many more incidents the chain has beyond those shown
     */
    public record RecurrenceView(String title, String path, List<RecurrenceEntry> entries, int more) {
        public RecurrenceView {
            entries = List.copyOf(entries);
        }

        /** Returns the link target of the cause page relative to the site root, or "" when there is none. */
        public String href() {
            return path.isEmpty() ? "" : path + "index.html";
        }
    }

    /**
     * One incident in a recurrence.
     *
     * @param incident    the incident
     * @param self        true for the incident whose page this is
     * @param sameService true when it also shares a service with this incident
     */
    public record RecurrenceEntry(IncidentCard incident, boolean self, boolean sameService) {
    }

    /**
     * An incident that repeats another, for the header of either: "Came back: …" or "A recurrence of …".
     *
     * @param incident the other incident
     * @param afterFix true when the later one started after every action item of the earlier one was closed
     * @param why      why the two were matched, in words
     */
    public record CameBack(IncidentCard incident, boolean afterFix, String why) {
    }
}
