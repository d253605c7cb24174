package dev.hindsight.render;

import java.util.List;

/**
 * The read-only views of the list pages: home, indexes, term pages and history.
 */
public final class ListViews {
    private ListViews() {
    }

    /**
     * A term with its number of incidents.
     *
     * @param term        the term
     * @param count       incidents with it
     * @param percent     count relative to the largest term, 0 to 100, for bars
     * @param cls         a CSS class (severity colour for severities, else "")
     * @param description the vocabulary's description, or ""
     */
    public record TermCount(TermLink term, int count, int percent, String cls, String description) {
    }

    /**
     * A link to one taxonomy index.
     *
     * @param name  the URL name ("causes")
     * @param title the display title ("Causes")
     * @param path  its site path ("causes/")
     * @param terms how many terms it has
     */
    public record IndexLink(String name, String title, String path, int terms) {

        /** Returns the link target relative to the site root. */
        public String href() {
            return path + "index.html";
        }
    }

    /**
     * One year of the history page.
     *
     * @param year      the year
     * @param incidents its incidents, oldest first
     * @param essential how many of them are essential reads
     */
    public record YearGroup(String year, String label, List<IncidentCard> incidents, int essential) {
        public YearGroup {
            incidents = List.copyOf(incidents);
        }
    }

    /**
     * A few headline numbers for the home page.
     *
     * @param incidents    incidents in all
     * @param firstYear    the earliest year, or 0
     * @param lastYear     the latest year, or 0
     * @param nearMisses   near misses
     * @param openActions  action items known to be open or in progress (an unknown status is not counted)
     * @param overdue      open action items past due
     */
    public record Stats(int incidents, int firstYear, int lastYear, int nearMisses, int openActions, int overdue) {
    }
}
