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
     * One year of a term's incidents-per-year chart.
     *
     * @param year    the year
     * @param count   incidents in it
     * @param percent the bar's height, 0 to 100, relative to the busiest year
     */
    public record YearBar(String year, int count, int percent) {
    }

    /**
     * An open action item as a term page lists it.
     *
     * @param title       what is to be done
     * @param owner       its owner, or ""
     * @param ownerHref   the owner's team page relative to the site root when the owner is a team with one, else ""
     * @param due         its due day (ISO), or ""
     * @param status      the status id
     * @param statusLabel the status for people
     * @param overdue     past due
     * @param lateDays    days past due when overdue
     * @param ageDays     days since its incident, or -1 when the incident has no date
     * @param incident    the incident it came from
     */
    public record OpenItem(String title, String owner, String ownerHref, String due, String status, String statusLabel, boolean overdue,
                           long lateDays, long ageDays, IncidentCard incident) {
    }

    /**
     * The "how is this going?" part of a service, cause or team page.
     *
     * @param incidents  incidents filed under the term
     * @param years      the per-year bars, oldest first; empty when there are too few years for a chart
     * @param yearsLabel every year's count in words, the chart's accessible name
     * @param yearsText  where the incidents fall, in a sentence, when there is no chart; else ""
     * @param undated    incidents without a date, which no year counts
     * @param topTitle   "Top causes" or "Top services"
     * @param top        the most shared terms of the other taxonomy, with their counts (percent of these incidents)
     * @param topMore    how many more terms there are than shown
     * @param open       open and in-progress action items of these incidents
     * @param overdue    how many of them are past due
     * @param items      the worst open items, overdue first
     * @param itemsMore  how many more open items there are than shown
     * @param medianTtr  the median time to resolve, formatted, or "" when no incident has one
     * @param ttrKnown   how many incidents the median is computed from
     */
    public record Status(int incidents, List<YearBar> years, String yearsLabel, String yearsText, int undated,
                         String topTitle, List<TermCount> top, int topMore, int open, int overdue, List<OpenItem> items,
                         int itemsMore, String medianTtr, int ttrKnown) {
        public Status {
            years = List.copyOf(years);
            top = List.copyOf(top);
            items = List.copyOf(items);
        }
    }

    /**
     * The team that owns a service.
     *
     * @param label the team's display name
     * @param href  its term page relative to the site root, or "" when no incident names the team (no page)
     */
    public record Owner(String label, String href) {
    }

    /**
     * A link site.yml gives a term (runbook, dashboard...).
     *
     * @param name         what it is, as written
     * @param href         the URL as written; a site path starts with '/' (templates make it relative)
     * @param siteRelative true for a path on this site
     */
    public record NamedLink(String name, String href, boolean siteRelative) {
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
