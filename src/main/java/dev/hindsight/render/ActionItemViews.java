package dev.hindsight.render;

import java.util.List;

/**
 * The views of the action-items page ({@code /action-items/}), for its template.
 */
public final class ActionItemViews {
    private ActionItemViews() {
    }

    /**
     * One open action item.
     *
     * @param anchor        its element id on the page, stable across builds ("item-&lt;slug&gt;-&lt;key&gt;")
     * @param title         what is to be done
     * @param link          tracker URL, or ""
     * @param incidentTitle the incident it came from
     * @param incidentPath  the incident page's site path ("incidents/slug/")
     * @param incidentDate  the incident's day ISO, or ""
     * @param owner         the owner as written, or ""
     * @param team          the owner team's key (the filter value): its slug, or "no-owner-team"
     * @param teamLabel     the owner team's label
     * @param status        status id (open or in-progress)
     * @param statusLabel   status for people
     * @param type          type id
     * @param due           due day ISO, or ""
     * @param overdue       past its due date
     * @param overdueDays   days past due, or 0
     * @param ageDays       days since the incident, or -1 when its date is unknown
     */
    public record Row(String anchor, String title, String link, String incidentTitle, String incidentPath,
                      String incidentDate, String owner, String team, String teamLabel, String status,
                      String statusLabel, String type, String due, boolean overdue, long overdueDays, long ageDays) {
    }

    /**
     * The open items of one owner team.
     *
     * @param team     the team's key (filter value and calendar file name)
     * @param label    the team's label
     * @param overdue  how many of its items are overdue
     * @param rows     its items, overdue first
     * @param calendar the site path of its calendar, or "" when there is none
     */
    public record Group(String team, String label, int overdue, List<Row> rows, String calendar) {
        public Group {
            rows = List.copyOf(rows);
        }
    }
}
