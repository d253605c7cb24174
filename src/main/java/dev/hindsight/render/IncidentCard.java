package dev.hindsight.render;

import dev.hindsight.model.Postmortem;

import java.util.Comparator;
import java.util.List;

/**
 * One incident as lists and tables show it, with every value already formatted for templates.
 * Templates reach these through the {@code incidents} model entry ({@code incidents[slug].title}).
 *
 * @param slug          the incident slug
 * @param title         the title
 * @param path          the site path of its page, like "incidents/slug/"
 * @param date          the start day, ISO (2024-03-11), or "" when unknown
 * @param year          the year term: the start day's year, or "unknown" (the year pages' bucket for undated ones)
 * @param severity      the severity id, or ""
 * @param severityLabel the severity's display label, or "No severity"
 * @param severityRank  0 for the most severe, larger for less; 99 when unknown
 * @param severityClass the CSS class for the badge colour ("sev-r0" ... "sev-r3", "sev-none")
 * @param status        the status id (draft, in-review, published)
 * @param statusLabel   the status for people
 * @param nearMiss      true for a near miss
 * @param essential     true for an essential read
 * @param summary       the summary, or ""
 * @param services      affected services
 * @param causes        cause categories
 * @param teams         teams
 * @param tags          tags
 * @param ttr           time to resolve, formatted, or "" when unknown
 * @param ttrMinutes    time to resolve in minutes, or -1 when unknown (for sorting)
 * @param overdueItems  its action items that are overdue as of the site's today (the ledger's count)
 */
public record IncidentCard(String slug, String title, String path, String date, String year, String severity,
                           String severityLabel, int severityRank, String severityClass, String status,
                           String statusLabel, boolean nearMiss, boolean essential, String summary,
                           List<TermLink> services, List<TermLink> causes, List<TermLink> teams, List<TermLink> tags,
                           String ttr, long ttrMinutes, int overdueItems) {
    /** Oldest first, undated last, then by slug. */
    static final Comparator<IncidentCard> OLDEST_FIRST = Comparator
            .comparing((IncidentCard c) -> c.date().isEmpty()).thenComparing(IncidentCard::date)
            .thenComparing(IncidentCard::slug);

    public IncidentCard {
        services = List.copyOf(services);
        causes = List.copyOf(causes);
        teams = List.copyOf(teams);
        tags = List.copyOf(tags);
    }

    /** Returns the year as pages show it: "2024", or "Date unknown". */
    public String yearLabel() {
        return date.isEmpty() ? Postmortem.UNDATED_LABEL : year;
    }

    /** Returns the link target of its page relative to the site root, "incidents/slug/index.html" (prefix it with {@code root}). */
    public String href() {
        return path + "index.html";
    }

    /** Returns the service ids as "|a|b|", for filtering table rows by one id. */
    public String serviceKeys() {
        return keys(services);
    }

    /** Returns the cause ids as "|a|b|", for filtering table rows by one id. */
    public String causeKeys() {
        return keys(causes);
    }

    /** Returns the team ids as "|a|b|", for filtering table rows by one id. */
    public String teamKeys() {
        return keys(teams);
    }

    /** Returns the tag ids as "|a|b|", for filtering table rows by one id. */
    public String tagKeys() {
        return keys(tags);
    }

    private static String keys(List<TermLink> terms) {
        StringBuilder sb = new StringBuilder("|");
        terms.forEach(t -> sb.append(t.id()).append('|'));
        return sb.toString();
    }

    /** Returns true when the incident is a draft. */
    public boolean draft() {
        return status.equals("draft");
    }
}
