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

    /**
     * One choice of a filter of the incident table.
     *
     * @param value the value rows carry in the filter's data attribute, and the URL carries
     * @param label the choice for people
     * @param count incidents with it
     */
    public record FilterOption(String value, String label, int count) {
    }

    /**
     * A drop-down filter of the incident table: a row is shown when its data attribute holds the chosen value.
     *
     * @param name     the URL query parameter and form field name ("teams")
     * @param label    the label for people ("Team")
     * @param attr     the row's data attribute, without "data-" ("teams"): one value, or ids as "|a|b|"
     * @param fallback the value of a row that leaves the attribute out (the common value, left out to keep the page
     *                 small), or ""
     * @param options  the choices, in the order of the filter's index page
     */
    public record SelectFilter(String name, String label, String attr, String fallback, List<FilterOption> options) {
        public SelectFilter {
            options = List.copyOf(options);
        }
    }

    /**
     * A check-box filter of the incident table: when ticked, only rows that carry its data attribute are shown.
     *
     * @param name  the URL query parameter and form field name ("overdue")
     * @param label the label for people
     * @param attr  the row's data attribute, without "data-", present only on rows that have the property
     * @param count incidents with the property
     */
    public record ToggleFilter(String name, String label, String attr, int count) {
    }
}
